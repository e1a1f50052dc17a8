import { once } from 'node:events';
import { type AddressInfo, createServer, type Server } from 'node:net';
import { Aedes } from 'aedes';
import type { Logger } from '../logger.js';

export interface EmbeddedBroker {
  /** mqtt://host:port with the port actually bound, which matters when 0 was asked for. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Zero-setup default for demos and tests. It keeps retained messages in memory only, so a restart forgets
 * device availability until devices republish; production points MQTT_URL at Mosquitto instead.
 */
export async function startEmbeddedBroker(options: {
  host: string;
  port: number;
  logger: Logger;
}): Promise<EmbeddedBroker> {
  const log = options.logger.child({ component: 'embedded-broker' });
  const aedes = await Aedes.createBroker();
  // noDelay: forwarding a command to a device must not wait for a delayed ACK (see disableNagle).
  const server: Server = createServer({ noDelay: true }, (socket) => aedes.handle(socket));
  aedes.on('clientError', (client, error) => log.debug({ clientId: client.id, err: error }, 'client error'));

  server.listen(options.port, options.host);
  try {
    // once() rejects on 'error', e.g. EADDRINUSE when a system Mosquitto already owns the port.
    await once(server, 'listening');
  } catch (error) {
    await new Promise<void>((resolve) => aedes.close(() => resolve()));
    throw error;
  }

  const { port } = server.address() as AddressInfo;
  // A wildcard bind is reachable on loopback; clients cannot dial 0.0.0.0 or :: portably.
  const dialHost = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  const url = `mqtt://${dialHost.includes(':') ? `[${dialHost}]` : dialHost}:${port}`;
  log.info({ url }, 'embedded MQTT broker listening');

  return {
    url,
    port,
    async stop(): Promise<void> {
      // Aedes first: it disconnects clients, without which server.close() would wait for them forever.
      await new Promise<void>((resolve) => aedes.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
      log.info('embedded MQTT broker stopped');
    },
  };
}
