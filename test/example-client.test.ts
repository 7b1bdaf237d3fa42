/**
 * The example client in examples/ (typed by codegen) runs against a real
 * server: it lists the hotel's stocktakes and prints the list's and a
 * stocktake's events, replayed from afterSequence 0, then exits after the
 * number of events it was told (so it cannot hang).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { HOTEL } from './support/fixtures';
import { currentSequence } from './support/realtime-clients';
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
  onOutput?: (stdout: string) => void,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', 'examples/stocktake-client.ts', ...args],
      { cwd: path.resolve(__dirname, '..') },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      onOutput?.(stdout);
    });
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

it('told HISTORY_EXPIRED (a position the channels have not reached), it follows from where each channel stands', async () => {
  const steps = stocktakeSteps(t);
  const stocktake = await steps.ready(); // its channel is at 1 (stocktake-populated)
  const list = await currentSequence(t, `${HOTEL}-stocktakes`);
  const [{ epoch }] = await t.orm.em
    .getConnection()
    .execute<[{ epoch: string }]>('select current_history_epoch() as epoch');
  let told!: () => void;
  const bothTold = new Promise<void>((resolve) => (told = resolve));
  const run = runExample(
    // Sequence 50 of the current epoch: neither channel has reached it (as after a restore to an older backup).
    [
      '--url',
      t.url,
      '--token',
      await t.token(),
      '--hotel',
      HOTEL,
      '--stocktake',
      stocktake.id,
      '--after',
      '50',
      '--exit-after',
      '1',
    ],
    60_000,
    (stdout) => {
      if (stdout.split('history expired').length === 3) told();
    },
  );
  await Promise.race([
    bothTold,
    run.then((early) => Promise.reject(new Error(`the example exited first:\n${early.stdout}\n${early.stderr}`))),
  ]);
  await steps.count(stocktake.guinness.id, '1');
  const result = await run;
  expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
  const lines = result.stdout.trimEnd().split('\n');
  const refusals = lines.filter((line) => line.includes('history expired'));
  expect(refusals.sort()).toEqual(
    [
      `list ${HOTEL}: history expired; following from #${list} of epoch ${epoch}`,
      `stocktake ${stocktake.id}: history expired; following from #1 of epoch ${epoch}`,
    ].sort(),
  );
  // Then it goes on from there: the stocktake's next event is the one it prints before exiting.
  expect(lines.at(-1)).toMatch(new RegExp(`^stocktake ${stocktake.id} #2 line-counted-updated \\(D0030: counted `));
});
