import 'reflect-metadata';
import { boot } from './boot.js';
import { seedDemoPlant } from './seed/demo-plant.js';

const app = await boot();
if (app.services.config.SEED_DEMO) {
  const ctx = { ...app.services, em: app.orm.em.fork(), principal: null, requestId: 'system' };
  const seeded = await seedDemoPlant(ctx);
  app.log.info(seeded, seeded.created ? 'demo plant seeded' : 'demo plant already present');
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.log.info({ signal }, 'shutting down');
    void app.stop().then(() => process.exit(0));
  });
}
