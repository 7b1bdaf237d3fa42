/**
 * The example client in examples/ (typed by codegen) runs against a real
 * server: it lists the hotel's stocktakes and prints the list's and a
 * stocktake's events, replayed from afterSequence 0, then exits after the
 * number of events it was told (so it cannot hang).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { HOTEL } from './support/fixtures';
import { stocktakeSteps } from './support/stocktakes';
import { startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

function runExample(
  args: string[],
  timeoutMs = 60_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', 'examples/stocktake-client.ts', ...args],
      { cwd: path.resolve(__dirname, '..') },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the example did not exit within ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

it('lists stocktakes and prints the list and detail events, catching up from afterSequence 0', async () => {
  const steps = stocktakeSteps(t);
  const stocktake = await steps.ready();
  const line = stocktake.guinness;
  await steps.count(line.id, '1');
  const result = await runExample([
    '--url',
    t.url,
    '--token',
    await t.token(),
    '--hotel',
    HOTEL,
    '--stocktake',
    stocktake.id,
    '--exit-after',
    '3',
  ]);
  expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
  const [listing, row, ...events] = result.stdout.trimEnd().split('\n');
  expect(listing).toBe(`1 stocktakes at ${HOTEL}`);
  expect(row).toBe(
    `  #${stocktake.id} ${stocktake.periodStart}..${stocktake.periodEnd} DRAFT ${stocktake.lines.length} lines`,
  );
  // The two subscriptions interleave in any order; each is in sequence order.
  expect(events.sort()).toEqual(
    [
      `list ${HOTEL} #1 stocktake-created (#${stocktake.id} from ${stocktake.periodStart})`,
      `stocktake ${stocktake.id} #1 stocktake-populated (${stocktake.lines.length} lines created)`,
      `stocktake ${stocktake.id} #2 line-counted-updated (D0030: counted 88.0000, expected 88.0000, variance value 0.00)`,
    ].sort(),
  );
});
