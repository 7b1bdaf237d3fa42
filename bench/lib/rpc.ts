/**
 * Request and answer over the IPC channel of a forked load generator: the
 * orchestrator calls `worker.call('round', {...})`, the generator answers with
 * what it measured. A generator announces itself with `{ ready }` once its
 * modules are loaded, and exits when the orchestrator goes away.
 */
import type { ChildProcess } from 'node:child_process';
import { exited, forkGroup, stopGroup } from './processes';

type Handler = (params: never) => unknown;

interface Request {
  rpc: number;
  method: string;
  params: unknown;
}

type Answer = { rpc: number; result: unknown } | { rpc: number; error: string };

/**
 * In a generator: answers the orchestrator's calls with `handlers`. When the
 * orchestrator goes away, `onDisconnect` runs (default: exit at once).
 */
export function serve(handlers: Record<string, Handler>, onDisconnect: () => void = () => process.exit(0)): void {
  process.on('message', (message: Request) => {
    const handler = handlers[message.method];
    const reply = (answer: Answer) => process.send?.(answer);
    if (!handler) {
      reply({ rpc: message.rpc, error: `unknown method ${message.method}` });
      return;
    }
    Promise.resolve()
      .then(() => handler(message.params as never))
      .then(
        (result) => reply({ rpc: message.rpc, result: result ?? null }),
        (error: unknown) =>
          reply({ rpc: message.rpc, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
      );
  });
  // The orchestrator is gone (it failed or was killed): nothing left to measure for.
  process.on('disconnect', onDisconnect);
  process.send?.({ ready: true });
}

/** In the orchestrator: one forked generator. */
export class Worker {
  private next = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

  private constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    child.on('message', (message: Answer & { ready?: boolean }) => {
      if (message.ready) return;
      const waiter = this.pending.get(message.rpc);
      if (!waiter) return;
      this.pending.delete(message.rpc);
      if ('error' in message) waiter.reject(new Error(`${name}: ${message.error}`));
      else waiter.resolve(message.result);
    });
    // A generator that died makes its calls fail (below), not the orchestrator.
    child.on('error', () => undefined);
    child.once('exit', (code, signal) => {
      for (const waiter of this.pending.values())
        waiter.reject(new Error(`${name} exited (${signal ?? code}) during a call`));
      this.pending.clear();
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  static async start(name: string, modulePath: string, timeoutMs = 30_000): Promise<Worker> {
    const child = forkGroup(name, modulePath);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name} was not ready within ${timeoutMs} ms`)), timeoutMs);
      child.on('message', (message: { ready?: boolean }) => {
        if (message.ready) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${name} exited (${signal ?? code}) before it was ready`));
      });
    }).catch(async (error: unknown) => {
      await stopGroup(child, 1_000);
      throw error;
    });
    return new Worker(name, child);
  }

  call<T>(method: string, params: unknown, timeoutMs: number): Promise<T> {
    if (exited(this.child)) return Promise.reject(new Error(`${this.name} is not running`));
    const rpc = this.next++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(rpc);
        reject(new Error(`${this.name}: ${method} did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(rpc, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      try {
        this.child.send({ rpc, method, params } satisfies Request, (error) => {
          if (error)
            this.pending.get(rpc)?.reject(new Error(`${this.name}: ${method} could not be sent: ${error.message}`));
        });
      } catch (error) {
        this.pending.get(rpc)?.reject(new Error(`${this.name}: ${method} could not be sent: ${String(error)}`));
      }
    });
  }

  stop(): Promise<void> {
    return stopGroup(this.child, 5_000);
  }
}

/** Starts several generators of one kind at once. */
export function startWorkers(name: string, modulePath: string, count: number): Promise<Worker[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => Worker.start(`${name}#${i + 1}`, modulePath)));
}

export async function stopWorkers(workers: Worker[]): Promise<void> {
  await Promise.all(workers.map((worker) => worker.stop()));
}
