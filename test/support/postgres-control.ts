/** Starting and stopping a PostgreSQL of the test's own (see postgres-process.mjs). */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface ControlledPostgres {
  port: number;
  url(database: string): string;
  stop(): Promise<void>;
}

export function startControlledPostgres(dataDir: string, port?: number): Promise<ControlledPostgres> {
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(__dirname, 'postgres-process.mjs'), dataDir, ...(port ? [String(port)] : [])],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.once('exit', (code) => reject(new Error(`the test's PostgreSQL exited with ${code} before it was ready`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /ready (\d+)/.exec(output);
      if (!ready) return;
      child.removeAllListeners('exit');
      const actual = Number(ready[1]);
      resolve({
        port: actual,
        url: (database) => `postgres://postgres:postgres@127.0.0.1:${actual}/${database}`,
        stop: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.stdin!.end('stop\n');
          }),
      });
    });
  });
}
