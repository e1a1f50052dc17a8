import type { EntityManager } from '@mikro-orm/postgresql';
import { PassagesIngested } from '../access/access.events.js';
import type { AppServices, RequestContext } from '../common/context.js';
import { detectRepeatedFailures } from './alarm.service.js';
import { sweepSilentDevices } from './device.service.js';
import { AlarmRaised } from './devices.events.js';
import { DeviceSyncHub } from './sync-hub.js';

export interface DeviceCentre {
  hub: DeviceSyncHub;
  start(): Promise<void>;
  stop(): void;
}

/**
 * The device centre's background parts: the bridges' sync stream, alarms pushed to the security
 * console, and the sweep that notices devices whose bridge fell silent.
 */
export function createDeviceCentre(
  services: Omit<AppServices, 'deviceSync'>,
  fork: () => EntityManager,
): DeviceCentre {
  const hub = new DeviceSyncHub(services, fork);
  const stops: Array<() => void> = [];
  const system = (): RequestContext => ({
    ...services,
    deviceSync: hub,
    em: fork(),
    principal: null,
    requestId: 'system',
  });
  return {
    hub,
    async start() {
      await hub.start();
      stops.push(() => hub.stop());
      stops.push(
        services.bus.subscribe(AlarmRaised, (e) => services.pubsub.publish('ALARM_RAISED', e.alarm)),
      );
      stops.push(
        services.bus.subscribe(PassagesIngested, async (e) => {
          const refusedAt = new Set(e.stored.filter((p) => p.result === 'DENIED').map((p) => p.deviceId));
          await detectRepeatedFailures(system(), [...refusedAt]);
        }),
      );
      // A quarter of the offline threshold: a silent device is noticed at most 25 % late.
      const every = Math.max(1_000, (services.config.DEVICE_OFFLINE_AFTER_SECONDS * 1000) / 4);
      const sweep = setInterval(() => {
        sweepSilentDevices(system()).catch((err: unknown) =>
          services.log.error({ err }, 'device offline sweep failed'),
        );
      }, every);
      sweep.unref();
      stops.push(() => clearInterval(sweep));
    },
    stop() {
      for (const stop of stops.splice(0).reverse()) stop();
    },
  };
}
