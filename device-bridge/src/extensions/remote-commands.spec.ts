import { afterEach, describe, expect, it, vi } from 'vitest';
import { brokerTargets, testConfig } from '../../test/support/bridge-env.js';
import type { ApiClient } from '../api/api-client.js';
import type { RemoteCommand } from '../api/sync-types.js';
import { type BridgeEvents, EventBus } from '../event-bus.js';
import { createLogger } from '../logger.js';
import type { BoundDevice } from './device-table.js';
import type { ExtensionContext } from './extension.js';
import { remoteCommandsExtension } from './remote-commands.js';

// The extension alone, on an in-memory bus: the device's evt/ack arrives as the bridge would hand it
// over (a validated device.event), and what goes back to the API is read off a recording client.

type Ack = { id: string; ok: boolean; r: string };

function harness(ackTimeoutMs = 200) {
  const base = testConfig(brokerTargets[0]!);
  const config = { ...base, gate: { ...base.gate, commandAckTimeoutMs: ackTimeoutMs } };
  const bus = new EventBus<BridgeEvents>(() => {});
  const acks: Ack[] = [];
  const api = {
    request: vi.fn(async (_q: string, v: Record<string, unknown>) => {
      acks.push(v as Ack);
      return {};
    }),
  } as unknown as ApiClient;
  const unlocks: string[] = [];
  const published: { topic: string; payload: string }[] = [];
  const device = {
    config: { id: 'door-ccr', kind: 'door', passagePointId: 'pp-1', direction: 'IN', driver: 'generic-json' },
    device: { unlock: async (c: { id: string }) => void unlocks.push(c.id) },
  } as unknown as BoundDevice;
  const context = {
    config,
    logger: createLogger('silent', config.siteId),
    bus,
    inbound: undefined,
    mqtt: { publish: async (topic: string, payload: string) => void published.push({ topic, payload }) },
    gate: undefined,
    devices: (id: string) => {
      if (id !== 'door-ccr') throw new Error(`unknown device ${id}`);
      return device;
    },
    api,
  } as unknown as ExtensionContext;
  const extension = remoteCommandsExtension(context);
  const command = (over: Partial<RemoteCommand> = {}): RemoteCommand => ({
    id: crypto.randomUUID(),
    deviceCode: 'door-ccr',
    kind: 'OPEN',
    reason: '远程开门测试',
    requestedBy: 'security',
    expiresAt: new Date(Date.now() + 60_000).toISOString(),
    ...over,
  });
  const ack = (deviceId: string, commandId: string, status: 'ok' | 'error', reason?: string) =>
    bus.emit('device.event', {
      deviceId,
      kind: 'ack',
      envelope: {
        seq: 7,
        at: undefined,
        body: { seq: 7, commandId, status, ...(reason ? { reason } : {}) },
      },
    });
  // Answer every command the extension sends, the way the test wants the device to.
  const answerWith = (answer: (deviceId: string, commandId: string) => void) =>
    bus.on('device.command', ({ deviceId, commandId }) => answer(deviceId, commandId));
  return { extension, bus, acks, unlocks, published, command, ack, answerWith };
}

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

async function started(ackTimeoutMs?: number) {
  const h = harness(ackTimeoutMs);
  await h.extension.start();
  stop = () => h.extension.stop();
  return h;
}

describe('remote commands', () => {
  it('reports a remote open done only once the door controller confirmed it', async () => {
    const h = await started();
    h.answerWith((deviceId, id) => setTimeout(() => h.ack(deviceId, id, 'ok'), 20));
    const c = h.command();
    h.bus.emit('api.command', c);
    await vi.waitFor(() => expect(h.acks).toHaveLength(1));
    expect(h.unlocks).toEqual([c.id]);
    expect(h.acks[0]).toEqual({ id: c.id, ok: true, r: 'unlocked; device confirmed' });
  });

  it('reports the controller’s refusal with its reason', async () => {
    const h = await started();
    h.answerWith((deviceId, id) => h.ack(deviceId, id, 'error', 'lock jammed'));
    const c = h.command({ kind: 'LOCK' });
    h.bus.emit('api.command', c);
    await vi.waitFor(() => expect(h.acks).toHaveLength(1));
    expect(JSON.parse(h.published[0]!.payload)).toMatchObject({ id: c.id, mode: 'LOCKED' });
    expect(h.acks[0]).toEqual({ id: c.id, ok: false, r: 'device refused: lock jammed' });
  });

  it('reports a silent controller as failed after the timeout, and ignores an answer from another device', async () => {
    const h = await started(150);
    h.answerWith((_deviceId, id) => h.ack('lane-9', id, 'ok'));
    const c = h.command();
    h.bus.emit('api.command', c);
    await vi.waitFor(() => expect(h.acks).toHaveLength(1));
    expect(h.acks[0]).toEqual({ id: c.id, ok: false, r: 'no answer from the device within 150 ms' });
  });

  it('carries out a command handed over again only once, and acknowledges it again', async () => {
    const h = await started();
    h.answerWith((deviceId, id) => h.ack(deviceId, id, 'ok'));
    const c = h.command();
    h.bus.emit('api.command', c);
    await vi.waitFor(() => expect(h.acks).toHaveLength(1));
    h.bus.emit('api.command', c);
    await vi.waitFor(() => expect(h.acks).toHaveLength(2));
    expect(h.unlocks).toEqual([c.id]);
    expect(h.acks[1]).toEqual(h.acks[0]);
  });
});
