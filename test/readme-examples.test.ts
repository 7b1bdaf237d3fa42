/**
 * Every example in README.md runs: its GraphQL operations against the real
 * server (subscriptions over graphql-ws), its JavaScript snippets in Node.js
 * with the real clients, its shell lines checked against the commands that
 * exist. The convention blocks follow is in test/support/readme-blocks.ts
 * (and the README's "Examples that run").
 */
import { waitUntil } from './support/waiting';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, OperationTypeNode, parse } from 'graphql';
import { UpdateStocktakeLineDocument } from './__generated__/graphql';
import { closeAfterEach } from './support/closers';
import { graphqlSubscriber } from './support/realtime-clients';
import { readmeBlocks, resolvePlaceholders, unknownCommand, type ReadmeBlock } from './support/readme-blocks';
import { startTestApp, type TestApp } from './support/test-app';

const ROOT = path.resolve(__dirname, '..');
const RUN_LANGUAGES = new Set(['graphql', 'js', 'javascript', 'sh', 'bash', 'shell', 'json']);
const DOC_LANGUAGES = new Set(['', 'text']);
const blocks = readmeBlocks();
const where = (block: ReadmeBlock) => `README.md:${block.line} (${block.language || 'no language'})`;

const closers = closeAfterEach();

describe('README.md code blocks', () => {
  it('all follow the convention: a language the test runs or checks, or text', () => {
    const unknown = blocks
      .filter((block) => !block.notRun && !RUN_LANGUAGES.has(block.language) && !DOC_LANGUAGES.has(block.language))
      .map(where);
    expect(unknown).toEqual([]);
    // The walkthrough is there: operations, and snippets for both transports.
    expect(blocks.filter((block) => block.language === 'graphql').length).toBeGreaterThanOrEqual(5);
    expect(
      blocks.filter((block) => block.language === 'js').map((block) => /pusher-js|graphql-ws/.exec(block.text)?.[0]),
    ).toEqual(expect.arrayContaining(['pusher-js', 'graphql-ws']));
  });

  it('shell lines are commands that exist', () => {
    const scripts = (
      JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    const problems = blocks
      .filter((block) => ['sh', 'bash', 'shell'].includes(block.language) && !block.notRun)
      .flatMap((block) =>
        block.text
          .split('\n')
          .map((line) => unknownCommand(line, scripts))
          .filter((problem): problem is string => problem !== null)
          .map((problem) => `${where(block)}: ${problem}`),
      );
    expect(problems).toEqual([]);
  });

  it('json blocks that are not variables are JSON', () => {
    for (const block of blocks.filter((candidate) => candidate.language === 'json' && !candidate.notRun)) {
      expect(() => JSON.parse(block.text)).not.toThrow();
    }
  });

  describe('run against a real server, in order', () => {
    let t: TestApp;
    /** Every answer so far, by top-level field: what "$field.path" placeholders read. */
    const answers: Record<string, unknown> = {};
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(() => t?.close());

    it('GraphQL operations succeed (subscriptions deliver a first event)', async () => {
      const operations = blocks.filter((block) => block.language === 'graphql' && !block.notRun);
      for (const block of operations) {
        const variables = resolvePlaceholders(JSON.parse(block.variables ?? '{}'), answers) as Record<string, unknown>;
        const isSubscription = parse(block.text).definitions.some(
          (definition) =>
            definition.kind === Kind.OPERATION_DEFINITION && definition.operation === OperationTypeNode.SUBSCRIPTION,
        );
        let data: Record<string, unknown> | null | undefined;
        if (isSubscription) {
          const subscriber = graphqlSubscriber(t, await t.token());
          closers.push(() => subscriber.close());
          const received = subscriber.raw({ query: block.text, variables });
          const [first] = await received.waitFor(1);
          expect({ at: where(block), errors: first!.errors }).toEqual({ at: where(block), errors: undefined });
          data = first!.data;
          received.unsubscribe();
        } else {
          const response = await t.post({ query: block.text, variables });
          expect({ at: where(block), status: response.status, errors: response.json?.errors }).toEqual({
            at: where(block),
            status: 200,
            errors: undefined,
          });
          data = response.json!.data as Record<string, unknown>;
        }
        expect(data).toEqual(expect.any(Object));
        Object.assign(answers, data);
      }
    });

    it('JavaScript snippets run and show what the server sends', async () => {
      const stocktake = answers.createStocktake as { id: string } | undefined;
      const lines = (answers.stocktake as { lines: Array<{ id: string }> } | undefined)?.lines;
      expect(stocktake && lines?.length).toBeTruthy();
      const token = await t.token();
      const folder = path.join(ROOT, 'node_modules/.cache/readme-snippets');
      mkdirSync(folder, { recursive: true });
      for (const [index, block] of blocks
        .filter((b) => ['js', 'javascript'].includes(b.language) && !b.notRun)
        .entries()) {
        const file = path.join(folder, `snippet-${process.pid}-${index}.mjs`);
        closers.push(() => rmSync(file, { force: true }));
        const preamble = [
          `const token = ${JSON.stringify(token)};`,
          `const stocktakeId = ${JSON.stringify(stocktake!.id)};`,
          'const show = (value) => { console.log(JSON.stringify(value)); process.exit(0); };',
        ].join('\n');
        writeFileSync(file, `${preamble}\n${block.text.replaceAll('localhost:4000', `127.0.0.1:${t.port}`)}\n`);
        // Pusher has no replay: keep changing the stocktake until the snippet shows something.
        let counted = 0;
        let running = true;
        const changes = (async () => {
          while (running) {
            counted += 1;
            const delivered = t.faults.accepted.length;
            await t.graphql(UpdateStocktakeLineDocument, {
              id: lines![0]!.id,
              input: { countedFullUnits: String(counted % 5) },
            });
            // The next change once Pusher has accepted this one (an acknowledgement, not a fixed wait).
            await waitUntil(() => t.faults.accepted.length > delivered, 'the count at Pusher');
          }
        })();
        const shown = await runSnippet(file, 20_000).finally(() => {
          running = false;
        });
        await changes;
        expect({ at: where(block), code: shown.code, stderr: shown.stderr }).toEqual({
          at: where(block),
          code: 0,
          stderr: '',
        });
        expect(JSON.parse(shown.stdout.trim().split('\n').at(-1)!)).toEqual(expect.any(Object));
      }
    });
  });
});

function runSnippet(file: string, timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      stderr += `\n(killed: show() was not called within ${timeoutMs} ms)`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
