/** Command line and the two profiles: full (about ten minutes) and `--quick` (under two). */

export const SCENARIOS = ['B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7', 'B8', 'B9', 'B10', 'HOSTILE', 'INSTANCES'] as const;
export type ScenarioId = (typeof SCENARIOS)[number];

export interface Profile {
  quick: boolean;
  b1: { clients: number; rounds: number; roundMs: number; warmupMs: number };
  b2: { subscribers: number; processes: number; ratePerSecond: number; durationMs: number };
  /** B3 and B4's one-channel part, interleaved (with a round without subscribers, to isolate delivery). */
  b3: { subscribers: number; processes: number; ratePerSecond: number; rounds: number; roundMs: number };
  b4: { clients: number; processes: number; ratePerSecond: number; durationMs: number };
  b5: { stocktakes: number; events: number; clients: number; delayMs: number };
  b6: { clients: number; rounds: number; roundMs: number; slowMs: number };
  b7: { items: number; probeIntervalMs: number; detailRuns: number };
  b8: { subscribers: number; processes: number };
  b9: { subscribers: number };
  /** Two instances on one database: subscribers on one, mutations on the other; commits per side of the NOTIFY cost. */
  instances: { stocktakes: number; subscribers: number; ratePerSecond: number; roundMs: number; commits: number };
  /** The scale curve: a writer and up to `instances` receivers on Redis, each following up to max(channels). */
  b10: {
    hotStocktakes: number;
    channels: number[];
    instances: number;
    ratePerSecond: number;
    roundMs: number;
    /** Unmeasured counts once a receiver has started, so that no point measures an instance's first, cold events. */
    warmupMs: number;
    idleMs: number;
    perSocket: number;
    /** Subscriptions opened per second on a receiver (10,000 in one burst saturate an instance for seconds). */
    subscribeRatePerSecond: number;
  };
}

const FULL: Profile = {
  quick: false,
  b1: { clients: 32, rounds: 3, roundMs: 10_000, warmupMs: 3_000 },
  b2: { subscribers: 1_000, processes: 2, ratePerSecond: 50, durationMs: 20_000 },
  b3: { subscribers: 1_000, processes: 2, ratePerSecond: 20, rounds: 3, roundMs: 8_000 },
  b4: { clients: 1_000, processes: 2, ratePerSecond: 50, durationMs: 20_000 },
  b5: { stocktakes: 100, events: 10_000, clients: 32, delayMs: 50 },
  b6: { clients: 8, rounds: 3, roundMs: 8_000, slowMs: 200 },
  b7: { items: 10_000, probeIntervalMs: 10, detailRuns: 3 },
  b8: { subscribers: 1_000, processes: 1 },
  b9: { subscribers: 1_000 },
  instances: { stocktakes: 10, subscribers: 100, ratePerSecond: 50, roundMs: 10_000, commits: 5_000 },
  b10: {
    hotStocktakes: 100,
    channels: [100, 1_000, 10_000],
    instances: 3,
    ratePerSecond: 200,
    roundMs: 15_000,
    warmupMs: 5_000,
    idleMs: 10_000,
    perSocket: 500,
    subscribeRatePerSecond: 2_000,
  },
};

const QUICK: Profile = {
  quick: true,
  b1: { clients: 32, rounds: 2, roundMs: 3_000, warmupMs: 1_000 },
  b2: { subscribers: 500, processes: 1, ratePerSecond: 50, durationMs: 3_000 },
  b3: { subscribers: 500, processes: 1, ratePerSecond: 20, rounds: 2, roundMs: 2_000 },
  b4: { clients: 500, processes: 1, ratePerSecond: 50, durationMs: 3_000 },
  b5: { stocktakes: 100, events: 1_200, clients: 32, delayMs: 50 },
  b6: { clients: 8, rounds: 2, roundMs: 2_000, slowMs: 200 },
  b7: { items: 10_000, probeIntervalMs: 10, detailRuns: 1 },
  b8: { subscribers: 1_000, processes: 1 },
  b9: { subscribers: 1_000 },
  instances: { stocktakes: 10, subscribers: 100, ratePerSecond: 50, roundMs: 3_000, commits: 1_500 },
  b10: {
    hotStocktakes: 100,
    channels: [100, 1_000, 10_000],
    instances: 3,
    ratePerSecond: 200,
    roundMs: 5_000,
    warmupMs: 2_000,
    idleMs: 5_000,
    perSocket: 500,
    subscribeRatePerSecond: 2_000,
  },
};

export interface Options {
  profile: Profile;
  only: ScenarioId[];
}

export function parseArgs(argv: string[]): Options {
  let quick = false;
  let only: ScenarioId[] = [...SCENARIOS];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--quick') quick = true;
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const list = arg === '--only' ? argv[++i] : arg.slice('--only='.length);
      if (!list) throw new Error('--only needs a list, e.g. --only B1,B7');
      const wanted = list.split(',').map((id) => id.trim().toUpperCase());
      const unknown = wanted.filter((id) => !SCENARIOS.includes(id as ScenarioId));
      if (unknown.length > 0)
        throw new Error(`unknown scenario(s) ${unknown.join(', ')}; known: ${SCENARIOS.join(', ')}`);
      only = SCENARIOS.filter((id) => wanted.includes(id));
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write('usage: npm run bench [-- --quick] [-- --only B1,B7]\n');
      process.exit(0);
    } else throw new Error(`unknown argument ${arg} (usage: npm run bench [-- --quick] [-- --only B1,B7])`);
  }
  return { profile: structuredClone(quick ? QUICK : FULL), only };
}
