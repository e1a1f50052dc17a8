import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { type BridgeEvents, EventBus } from '../event-bus.js';
import { type HealthPoll, startHealthPoll } from './health.js';

describe('API health poll', () => {
  let poll: HealthPoll | undefined;
  const server = createServer((request, response) => {
    response.statusCode = request.url === '/health' ? status : 404;
    response.end();
  });
  let status = 200;

  afterEach(async () => {
    poll?.stop();
    if (server.listening) await new Promise((resolve) => server.close(resolve));
  });

  it('reports the API reachable, then unreachable when it starts failing, once per change', async () => {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const bus = new EventBus<BridgeEvents>((_event, error) => {
      throw error;
    });
    const seen: Array<BridgeEvents['api.reachability']> = [];
    const changes = new Promise<void>((resolve) => {
      bus.on('api.reachability', (change) => {
        seen.push(change);
        if (seen.length === 1) status = 503;
        if (seen.length === 2) resolve();
      });
    });

    poll = startHealthPoll({
      apiUrl: `http://127.0.0.1:${port}`,
      intervalMs: 100,
      logger: pino({ level: 'silent' }),
      bus,
    });
    await changes;
    expect(seen).toEqual([
      { reachable: true, status: 200, error: undefined },
      { reachable: false, status: 503, error: 'Service Unavailable' },
    ]);
  });
});
