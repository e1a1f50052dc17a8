import { SIMULATOR_DRIVER } from '../drivers/simulator/driver.js';
import { seededRandom } from '../drivers/simulator/random.js';
import { SeqStore } from '../drivers/simulator/seq-store.js';
import { TrafficGenerator } from '../drivers/simulator/traffic.js';
import type { Extension, ExtensionContext } from './extension.js';

// The bridge subscribes right after its extensions start; this only covers a broker that never
// hands back the devices' retained availability.
const READY_FALLBACK_MS = 2_000;

/**
 * The demo's plant at work: when the registry lists `"driver": "simulator"` devices and
 * SIM_TRAFFIC_PER_MIN is above 0, those devices scan, open and close on the real topics, through the
 * broker, and the bridge decides them like any other device. They publish over the bridge's own
 * connection (an extension is not told the broker's address), so they have no last-will of their own.
 */
export function simulatedTrafficExtension(context: ExtensionContext): Extension {
  const { config, gate, bus, mqtt } = context;
  const log = context.logger.child({ component: 'simulated-traffic' });
  const devices = config.devices.filter((d) => d.driver === SIMULATOR_DRIVER);
  const ids = new Set(devices.map((d) => d.id));
  const perMinute = config.simulator?.trafficPerMin ?? 0;
  let generator: TrafficGenerator | undefined;
  let seq: SeqStore | undefined;
  const off: Array<() => void> = [];

  /** The bridge hears its own devices' retained availability once it has subscribed. */
  const bridgeListening = (): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, READY_FALLBACK_MS);
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      off.push(done);
      off.push(
        bus.on('device.availability', (e) => {
          if (e.online && ids.has(e.deviceId)) done();
        }),
      );
    });

  return {
    name: 'simulated-traffic',
    async start(): Promise<void> {
      if (devices.length === 0) return;
      if (perMinute === 0) {
        log.info({ devices: devices.length }, 'simulated devices listed, SIM_TRAFFIC_PER_MIN=0: no traffic');
        return;
      }
      seq = await SeqStore.open(config.dataDir);
      const seed = config.simulator?.seed;
      const traffic = new TrafficGenerator({
        siteId: config.siteId,
        perMinute,
        devices,
        world: () => {
          const index = gate.cache.index();
          return index && { index, presenceOf: (personId) => gate.state.presenceOf(personId) };
        },
        publish: (topic, payload, { retain }) => mqtt.publish(topic, payload, { qos: 1, retain }),
        seq,
        logger: context.logger,
        random: seed === undefined ? undefined : seededRandom(seed),
        ready: bridgeListening(),
      });
      generator = traffic;
      off.push(
        bus.on('access.decision', ({ event }) => traffic.answered(event.deviceId, event.seq, event.command)),
        bus.on('device.command', ({ deviceId, commandId, kind }) =>
          traffic.commanded(deviceId, commandId, kind),
        ),
      );
      await traffic.start();
      log.info({ devices: [...ids], perMinute, seed }, 'simulated traffic started');
    },
    async stop(): Promise<void> {
      for (const undo of off.splice(0)) undo();
      await generator?.stop();
      await seq?.close();
      if (generator) log.info({ ...generator.stats }, 'simulated traffic stopped');
    },
  };
}
