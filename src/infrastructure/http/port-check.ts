/**
 * PORT is checked before anything else starts (docs/operations.md, "Start-up
 * problems"): a busy port is named, with what to do, before the database is
 * created, started or migrated.
 */
import { createServer } from 'node:net';
import { StartupError } from '../startup-error';

/** Fails with a StartupError naming PORT when `port` cannot be listened on (0: any free port, always fine). */
export async function ensurePortFree(port: number, host = '0.0.0.0'): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => reject(portProblem(port, error)));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** The message for a listen error on PORT; other errors pass through. */
export function portProblem(port: number, error: NodeJS.ErrnoException): Error {
  if (error.code === 'EADDRINUSE') {
    return new StartupError(
      `PORT ${port} is already in use (another npm start, or another program).\n` +
        `Stop what listens there (lsof -i :${port} shows it) or choose another port: PORT=${port + 1} npm start`,
    );
  }
  if (error.code === 'EACCES') {
    return new StartupError(`PORT ${port} needs privileges this process does not have: choose a port above 1023.`);
  }
  return error;
}
