/**
 * B7: a stocktake of 10,000 lines. A hotel with 10,000 stock items (direct
 * SQL, opening stock for three in four), one stocktake created through the
 * API; then, one after another, `populateStocktake`, the detail query (every
 * line), the detail a screen asks for first (the header and a page of 100 lines,
 * `linesConnection`) and `approveStocktake` are timed from the orchestrator while a probe process
 * sends `{ hotels { id } }` every 10 ms: for each operation, the probes that
 * were waiting during it give the worst wait any other request had.
 */
import path from 'node:path';
import { timedGraphql } from '../lib/api';
import { CpuWindow, memory, resetPeak, round } from '../lib/proc-stats';
import { Worker } from '../lib/rpc';
import { createStocktake, LARGE_HOTEL, seedHotel, waitRelayDrained } from '../lib/seed';
import { target, type MainContext, type Row, type ScenarioResult } from './types';

const DETAIL = `query Detail($id: ID!) {
  stocktake(id: $id) {
    id lineCount totalValue
    lines {
      id itemSku itemName openingQty purchases waste expectedQty countedFullUnits countedPartialUnits
      countedQty varianceQty varianceValue version
    }
  }
}`;

/** What a screen asks for first since issue 20: the header and a page of lines (linesConnection). */
const FIRST_PAGE = 100;
const DETAIL_PAGE = `query DetailPage($id: ID!) {
  stocktake(id: $id) {
    id lineCount totalValue
    linesConnection(first: ${FIRST_PAGE}) {
      nodes {
        id itemSku itemName openingQty purchases waste expectedQty countedFullUnits countedPartialUnits
        countedQty varianceQty varianceValue version
      }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

type Sample = [number, number, number];

interface Operation {
  name: string;
  ms: number;
  from: number;
  to: number;
  cpuMs: number;
  bytes: number;
  peakMB: number;
  rssMB: number;
}

function probesDuring(samples: Sample[], from: number, to: number) {
  // Each probe counts for the operation during which it was sent (operations run back to back, so a
  // probe still waiting when the next one starts was held up by the one it was sent during).
  const waits = samples
    .filter(([sentAt]) => sentAt >= from && sentAt <= to)
    .map(([, ms]) => ms)
    .sort((a, b) => a - b);
  const at = (p: number) => (waits.length ? waits[Math.max(0, Math.ceil((p / 100) * waits.length) - 1)]! : NaN);
  return { probes: waits.length, p50: round(at(50), 2), p99: round(at(99), 2), max: round(at(100), 2) };
}

export async function b7(ctx: MainContext): Promise<ScenarioResult> {
  const settings = ctx.profile.b7;
  const { server, db, token } = ctx;
  ctx.log(`B7: seeding a hotel with ${settings.items} stock items`);
  await seedHotel(db.pool, LARGE_HOTEL, settings.items);
  const id = await createStocktake(server.graphqlUrl, token, LARGE_HOTEL);
  await waitRelayDrained(db.pool);
  const probe = await Worker.start('probe', path.join(__dirname, '../load/probe.ts'));
  const operations: Operation[] = [];
  let samples: Sample[] = [];
  let lines = 0;
  let adjustments: number | undefined;
  const now = () => performance.timeOrigin + performance.now();
  const timed = async (name: string, query: string) => {
    const peakReset = resetPeak(server.pid);
    const cpu = new CpuWindow(server.pid);
    const from = now();
    const result = await timedGraphql<Record<string, unknown>>(server.graphqlUrl, token, query, { id }, 120_000);
    const to = now();
    const used = cpu.end();
    const mem = memory(server.pid);
    operations.push({
      name,
      ms: result.ms,
      from,
      to,
      cpuMs: used.cpuMs,
      bytes: result.bytes,
      peakMB: peakReset ? mem.peakMB : NaN,
      rssMB: mem.rssMB,
    });
    ctx.log(`B7: ${name} took ${round(result.ms, 1)} ms`);
    return result.data;
  };
  try {
    await probe.call('start', { url: server.graphqlUrl, token, intervalMs: settings.probeIntervalMs }, 10_000);
    const populated = await timed(
      'populateStocktake',
      `mutation ($id: ID!) { populateStocktake(id: $id) { linesCreated } }`,
    );
    lines = (populated.populateStocktake as { linesCreated: number }).linesCreated;
    for (let run = 1; run <= settings.detailRuns; run++) {
      const detail = await timed(settings.detailRuns > 1 ? `detail query #${run}` : 'detail query', DETAIL);
      const got = (detail.stocktake as { lines: unknown[] }).lines.length;
      if (got !== lines) throw new Error(`the detail query returned ${got} lines, expected ${lines}`);
    }
    for (let run = 1; run <= settings.detailRuns; run++) {
      const page = await timed(
        settings.detailRuns > 1 ? `detail, first page #${run}` : 'detail, first page',
        DETAIL_PAGE,
      );
      const got = (page.stocktake as { linesConnection: { nodes: unknown[] } }).linesConnection.nodes.length;
      if (got !== Math.min(FIRST_PAGE, lines))
        throw new Error(`the first page held ${got} lines, expected ${Math.min(FIRST_PAGE, lines)}`);
    }
    const approved = await timed(
      'approveStocktake',
      `mutation ($id: ID!) { approveStocktake(id: $id) { adjustmentsCreated stocktake { status } } }`,
    );
    adjustments = (approved.approveStocktake as { adjustmentsCreated: number }).adjustmentsCreated;
  } finally {
    samples = await probe.call<Sample[]>('stop', {}, 60_000).catch(() => []);
    await probe.stop();
  }

  const failedProbes = samples.filter(([, , ok]) => ok === 0).length;
  const withProbes = operations.map((op) => ({ ...op, probes: probesDuring(samples, op.from, op.to) }));
  const byName = (prefix: string) => withProbes.filter((op) => op.name.startsWith(prefix));
  const populate = byName('populate')[0]!;
  const approve = byName('approve')[0]!;
  const details = byName('detail query');
  const firstPages = byName('detail, first page');
  const median = (ops: typeof withProbes) =>
    ops.map((d) => d.ms).sort((a, b) => a - b)[Math.floor((ops.length - 1) / 2)]!;
  const detailMs = median(details);
  const firstPageMs = median(firstPages);
  const worstProbe = (op: (typeof withProbes)[number]) => op.probes.max;
  const rows: Row[] = withProbes.map((op) => ({
    label: `${op.name} (10,000 lines)`.replace('10,000', settings.items.toLocaleString('en')),
    throughput: {
      value: ((op.name.startsWith('detail, first page') ? Math.min(FIRST_PAGE, lines) : lines) / op.ms) * 1000,
      unit: 'lines/s',
    },
    latency: { count: 1, mean: op.ms, p50: op.ms, p95: op.ms, p99: op.ms, max: op.ms },
    cpuPerOp: { ms: op.cpuMs, op: 'op' },
    memory: { peakMB: op.peakMB, rssMB: op.rssMB },
  }));
  rows.push({
    label: 'bystander { hotels { id } } every 10 ms',
    throughput: {
      value: (samples.length / ((samples.at(-1)?.[0] ?? 0) - (samples[0]?.[0] ?? 0) || 1)) * 1000,
      unit: 'req/s',
    },
    latency: (() => {
      const all = probesDuring(samples, -Infinity, Infinity);
      return { count: all.probes, mean: NaN, p50: all.p50, p95: NaN, p99: all.p99, max: all.max };
    })(),
  });
  return {
    id: 'B7',
    title: `a ${settings.items.toLocaleString('en')}-line stocktake: populate, detail query, approve, with a bystander query every ${settings.probeIntervalMs} ms`,
    rows,
    targets: [
      target('populateStocktake', populate.ms, '<=', 500, 'ms'),
      target(
        settings.detailRuns > 1 ? `detail query (median of ${settings.detailRuns})` : 'detail query',
        detailMs,
        '<=',
        150,
        'ms',
      ),
      target(
        settings.detailRuns > 1
          ? `detail, header and first page of ${FIRST_PAGE} lines (median of ${settings.detailRuns})`
          : `detail, header and first page of ${FIRST_PAGE} lines`,
        firstPageMs,
        '<=',
        150,
        'ms',
        'what a screen asks for first since issue 20 (Stocktake.linesConnection)',
      ),
      target('approveStocktake', approve.ms, '<=', 500, 'ms'),
      target(
        'longest bystander wait during populate',
        worstProbe(populate),
        '<=',
        50,
        'ms',
        `p99 ${round(populate.probes.p99, 1)} ms`,
      ),
      target(
        'longest bystander wait during the detail queries',
        Math.max(...[...details, ...firstPages].map(worstProbe)),
        '<=',
        50,
        'ms',
        `p99 ${round(Math.max(...[...details, ...firstPages].map((d) => d.probes.p99)), 1)} ms`,
      ),
      target(
        'longest bystander wait during approve',
        worstProbe(approve),
        '<=',
        50,
        'ms',
        `p99 ${round(approve.probes.p99, 1)} ms`,
      ),
    ],
    details: {
      items: settings.items,
      lines,
      adjustmentsCreated: adjustments,
      operations: withProbes.map((op) => ({
        name: op.name,
        ms: round(op.ms, 1),
        cpuMs: op.cpuMs,
        responseBytes: op.bytes,
        bystander: op.probes,
        peakMB: op.peakMB,
        rssMB: op.rssMB,
      })),
      bystander: { samples: samples.length, failed: failedProbes, intervalMs: settings.probeIntervalMs },
    },
  };
}
