/**
 * The fenced code blocks of README.md, read the way test/readme-examples.test.ts
 * runs them. The convention every block must follow (README, "Examples that
 * run"):
 * - ```graphql: an operation, run against a real server with the manager
 *   token; the ```json block right after it holds its variables, where a
 *   string "$field.path" stands for a value from an earlier answer (e.g.
 *   "$createStocktake.id", "$stocktake.lines.0.id"). Subscriptions must
 *   deliver a first event (use afterSequence: 0).
 * - ```js: a snippet run as an ES module by Node.js from the repository (so
 *   pusher-js, graphql-ws and ws resolve), given `token`, `stocktakeId` and
 *   `show(value)`, with localhost:4000 pointing at the test server; it must
 *   call `show` (the test keeps counting a line of the stocktake meanwhile).
 * - ```sh: commands that are checked, not run: npm install/ci/start/test,
 *   `npm run <a script of package.json>`, `node dist/src/main.js`,
 *   `bash .ci/run`, docker compose; optionally after VAR=value assignments.
 * - ```text or no language: diagrams and output, not run.
 * - `<!-- readme: not run -->` on the line before a block: not run (say why
 *   next to it).
 * Any other language fails the test, so that a new block cannot silently
 * go unchecked.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface ReadmeBlock {
  /** 1-based line of the opening fence. */
  line: number;
  language: string;
  text: string;
  /** Marked `<!-- readme: not run -->`. */
  notRun: boolean;
  /** For a graphql block: the json block right after it (blank lines between allowed). */
  variables?: string;
}

export const README = path.resolve(__dirname, '../../README.md');

export function readmeBlocks(file = README): ReadmeBlock[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const blocks: ReadmeBlock[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const open = /^```(\S*)\s*$/.exec(lines[index]!);
    if (!open) continue;
    const start = index;
    const body: string[] = [];
    for (index += 1; index < lines.length && !/^```\s*$/.test(lines[index]!); index += 1) body.push(lines[index]!);
    let before = start - 1;
    while (before >= 0 && lines[before]!.trim() === '') before -= 1;
    blocks.push({
      line: start + 1,
      language: open[1]!.toLowerCase(),
      text: body.join('\n'),
      notRun: before >= 0 && /<!--\s*readme:\s*not run\b/.test(lines[before]!),
    });
  }
  // A json block right after a graphql block is that operation's variables.
  const result: ReadmeBlock[] = [];
  for (const block of blocks) {
    const previous = result.at(-1);
    if (block.language === 'json' && previous?.language === 'graphql' && previous.variables === undefined) {
      previous.variables = block.text;
      continue;
    }
    result.push(block);
  }
  return result;
}

/** Replaces every "$path.to.value" string in `variables` with that value from `answers`. */
export function resolvePlaceholders(variables: unknown, answers: Record<string, unknown>): unknown {
  if (typeof variables === 'string' && variables.startsWith('$')) {
    let value: unknown = answers;
    for (const key of variables.slice(1).split('.')) {
      value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    }
    if (value === undefined) throw new Error(`${variables} names nothing in the answers so far`);
    return value;
  }
  if (Array.isArray(variables)) return variables.map((item) => resolvePlaceholders(item, answers));
  if (variables !== null && typeof variables === 'object') {
    return Object.fromEntries(
      Object.entries(variables).map(([key, value]) => [key, resolvePlaceholders(value, answers)]),
    );
  }
  return variables;
}

/** Why a shell line is not a known command, or null when it is one. */
export function unknownCommand(line: string, scripts: Record<string, string>): string | null {
  const command = line.replace(/^(\s*[A-Z_][A-Z0-9_]*=\S*\s+)+/, '').trim();
  if (command === '' || command.startsWith('#')) return null;
  if (/^npm (install|ci|start|test)( |$)/.test(command)) return null;
  const run = /^npm run (\S+)/.exec(command);
  if (run) return scripts[run[1]!] !== undefined ? null : `npm run ${run[1]}: no such script in package.json`;
  if (/^node dist\/src\/main\.js$/.test(command)) return null;
  if (/^bash \.ci\/run$/.test(command)) return null;
  if (/^docker[ -]compose /.test(command)) return null;
  return `not a known command: ${command}`;
}
