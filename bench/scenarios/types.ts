/** What a scenario is given and what it reports. */
import type { FreshDatabase, PostgresServer } from '../lib/database';
import type { LatencySummary } from '../lib/histogram';
import type { Profile } from '../lib/profile';
import { memory, resetPeak, round, type MemoryReading } from '../lib/proc-stats';
import type { SeededStocktake } from '../lib/seed';
import type { RunningServer } from '../lib/server';

export interface ServerContext {
  profile: Profile;
  server: RunningServer;
  db: FreshDatabase;
  /** A manager of every bench hotel. */
  token: string;
  log(message: string): void;
}

/** The main server's seed: ten stocktakes to spread load over, and single stocktakes for one-channel scenarios. */
export interface MainContext extends ServerContext {
  spread: SeededStocktake[];
  single: { graphql: SeededStocktake; pusher: SeededStocktake; quiet: SeededStocktake; connect: SeededStocktake };
  pusherKey: string;
}

export interface Target {
  name: string;
  value: number;
  op: '<=' | '>=' | '==';
  limit: number;
  unit: string;
  met: boolean;
  note?: string;
}

export function target(
  name: string,
  value: number,
  op: Target['op'],
  limit: number,
  unit: string,
  note?: string,
): Target {
  const met = Number.isFinite(value) && (op === '<=' ? value <= limit : op === '>=' ? value >= limit : value === limit);
  return { name, value: round(value, 3), op, limit, unit, met, ...(note ? { note } : {}) };
}

/** One line of the printed table. */
export interface Row {
  label: string;
  throughput?: { value: number; unit: string };
  latency?: LatencySummary;
  /** Server CPU per operation, in ms. */
  cpuPerOp?: { ms: number; op: string };
  memory?: MemoryReading;
}

export interface ScenarioResult {
  id: string;
  title: string;
  rows: Row[];
  targets: Target[];
  /** Everything else measured (per-round figures, counts, checks). */
  details: Record<string, unknown>;
  error?: string;
  seconds?: number;
}

/** Memory of a process over a scenario: VmHWM reset at the start (when permitted), read with VmRSS at the end. */
export class MemoryWindow {
  private readonly reset: boolean;

  constructor(private readonly pid: number) {
    this.reset = resetPeak(pid);
  }

  end(): MemoryReading & { peakSince: 'scenario start' | 'process start' } {
    return { ...memory(this.pid), peakSince: this.reset ? 'scenario start' : 'process start' };
  }
}

/** What the whole run shares. */
export interface Suite {
  profile: Profile;
  postgres: PostgresServer;
  jwtSecret: string;
  token: string;
  log(message: string): void;
}
