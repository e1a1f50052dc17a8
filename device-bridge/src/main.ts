import { startBridge } from './bridge.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';

// A stop that hangs (broker gone, stuck handler) must not keep systemd waiting forever.
const SHUTDOWN_GRACE_MS = 10_000;

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  // No logger yet (LOG_LEVEL may be the invalid value), so a hand-made JSON line in the same shape.
  process.stderr.write(
    `${JSON.stringify({ level: 60, svc: 'device-bridge', msg: error.message, problems: error.problems })}\n`,
  );
  process.exit(1);
}

const logger = createLogger(config.logLevel, config.siteId);
process.on('unhandledRejection', (reason) => {
  // Every expected failure is contained at its edge; reaching here is a bug, and a supervisor restart
  // is safer than running on in an unknown state.
  logger.fatal({ err: reason }, 'unhandled rejection');
  process.exit(1);
});

let bridge: Awaited<ReturnType<typeof startBridge>>;
try {
  bridge = await startBridge(config, { logger });
} catch (error) {
  // Typically EADDRINUSE: another broker already owns MQTT_PORT.
  logger.fatal({ err: error }, 'device bridge failed to start');
  process.exit(1);
}

let shuttingDown = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info({ signal }, 'shutting down');
  setTimeout(() => {
    logger.error({ graceMs: SHUTDOWN_GRACE_MS }, 'shutdown timed out, exiting');
    process.exit(1);
  }, SHUTDOWN_GRACE_MS).unref();
  await bridge.stop();
  process.exitCode = 0;
}

// once(): a second Ctrl-C falls through to Node's default and kills a stuck shutdown at once.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, (s) => void shutdown(s));
