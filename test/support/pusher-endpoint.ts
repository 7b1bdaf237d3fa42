/**
 * A Pusher-compatible endpoint of the test's own (the built-in server on its
 * own port, with `faults` in front of its publish API), standing in for
 * hosted Pusher: every test app's relay publishes to one (test-app.ts), and
 * several app instances share one to publish to the same place.
 */
import express from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PusherCompatibleServer } from '../../src/realtime/pusher-server';
import { PusherFaults } from './pusher-faults';

export interface PusherEndpoint {
  port: number;
  faults: PusherFaults;
  server: PusherCompatibleServer;
  /** The app key pusher-js connects with. */
  key: string;
  /** The app's PUSHER_* settings for publishing here. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startPusherEndpoint(
  credentials = { appId: 'shared-app', key: 'shared-key', secret: 'shared-secret' },
): Promise<PusherEndpoint> {
  const faults = new PusherFaults();
  const server = new PusherCompatibleServer({ ...credentials, ...faults.hooks });
  const app = express();
  app.use(server.httpRouter);
  const httpServer = http.createServer(app);
  httpServer.on('upgrade', (request, socket, head) => {
    if (!server.handleUpgrade(request, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const port = (httpServer.address() as AddressInfo).port;
  return {
    port,
    faults,
    server,
    key: credentials.key,
    env: {
      PUSHER_APP_ID: credentials.appId,
      PUSHER_KEY: credentials.key,
      PUSHER_SECRET: credentials.secret,
      PUSHER_HOST: '127.0.0.1',
      PUSHER_PORT: String(port),
      PUSHER_USE_TLS: 'false',
    },
    async close() {
      faults.clear();
      await server.close();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
