/**
 * What the driver raises when PostgreSQL cannot be reached is a retryable SERVICE_UNAVAILABLE
 * (src/infrastructure/database/unavailable.ts), not an internal error: the real node-postgres client against
 * servers that refuse, or accept and never answer (a handshake slower than connectionTimeoutMillis, as on an
 * instance whose event loop is saturated).
 */
import { createServer, type Server, type Socket } from 'node:net';
import { Client } from 'pg';
import { translateDatabaseErrors } from '../../src/infrastructure/database/unavailable';

async function listening(onSocket: (socket: Socket) => void): Promise<{ server: Server; port: number }> {
  const server = createServer(onSocket);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port };
}

async function connectError(port: number): Promise<unknown> {
  const client = new Client({ host: '127.0.0.1', port, user: 'x', database: 'x', connectionTimeoutMillis: 200 });
  return client.connect().then(
    () => new Error('connected'),
    (error: unknown) => error,
  );
}

it('a handshake that times out (pg: "timeout expired") is SERVICE_UNAVAILABLE', async () => {
  const sockets: Socket[] = [];
  const { server, port } = await listening((socket) => sockets.push(socket));
  try {
    const error = await connectError(port);
    expect((error as Error).message).toBe('timeout expired');
    expect(translateDatabaseErrors(error)?.code).toBe('SERVICE_UNAVAILABLE');
  } finally {
    sockets.forEach((socket) => socket.destroy());
    await new Promise((resolve) => server.close(resolve));
  }
});

it('a refused connection is SERVICE_UNAVAILABLE; an error of the query itself is not', async () => {
  const { server, port } = await listening(() => undefined);
  await new Promise((resolve) => server.close(resolve));
  expect(translateDatabaseErrors(await connectError(port))?.code).toBe('SERVICE_UNAVAILABLE');
  expect(translateDatabaseErrors(Object.assign(new Error('division by zero'), { code: '22012' }))).toBeNull();
});
