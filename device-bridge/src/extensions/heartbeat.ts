import { errorMessage } from '../logger.js';
import type { Extension, ExtensionContext } from './extension.js';

const REPORT = `mutation($s:String!,$d:[DeviceStatusInput!]!){reportDeviceStatus(siteId:$s,devices:$d){updated unknown}}`;

/**
 * Tells the API every HEARTBEAT_INTERVAL_MS which of this site's devices are online (from their
 * retained availability), and at once when one changes. The API turns silence into "offline" itself,
 * so a dead bridge shows up as dead devices.
 */
export function heartbeatExtension(context: ExtensionContext): Extension {
  const { api, bus, config } = context;
  const log = context.logger.child({ component: 'heartbeat' });
  const online = new Map<string, boolean>(config.devices.map((d) => [d.id, false]));
  let timer: NodeJS.Timeout | undefined;
  let soon: NodeJS.Timeout | undefined;
  let off: (() => void) | undefined;
  let warnedUnknown = '';

  let inFlight = false;
  let again = false;
  const report = async (): Promise<void> => {
    if (!api || online.size === 0) return;
    // One report at a time; a change meanwhile is sent right after, with the state as it is then.
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    try {
      const devices = [...online].map(([code, up]) => ({ code, online: up }));
      const data = await api.request<{ reportDeviceStatus: { unknown: string[] } }>(REPORT, {
        s: config.siteId,
        d: devices,
      });
      const unknown = data.reportDeviceStatus.unknown.join(',');
      if (unknown && unknown !== warnedUnknown) {
        log.warn(
          { unknown: data.reportDeviceStatus.unknown },
          'devices not registered in the API (registerDevice)',
        );
      }
      warnedUnknown = unknown;
    } catch (error) {
      log.debug({ err: errorMessage(error) }, 'heartbeat not delivered');
    } finally {
      inFlight = false;
      if (again) {
        again = false;
        void report();
      }
    }
  };

  return {
    name: 'heartbeat',
    async start(): Promise<void> {
      if (!api) return;
      off = bus.on('device.availability', ({ deviceId, online: up }) => {
        online.set(deviceId, up);
        // A starting site announces every device at once: one report for the lot, shortly after.
        clearTimeout(soon);
        soon = setTimeout(() => void report(), 200);
        soon.unref();
      });
      timer = setInterval(() => void report(), config.heartbeatIntervalMs);
      timer.unref();
      void report();
    },
    async stop(): Promise<void> {
      off?.();
      clearInterval(timer);
      clearTimeout(soon);
    },
  };
}
