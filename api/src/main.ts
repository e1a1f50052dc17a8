import 'reflect-metadata';
import { boot } from './boot.js';

const app = await boot();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.log.info({ signal }, 'shutting down');
    void app.stop().then(() => process.exit(0));
  });
}
