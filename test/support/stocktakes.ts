/**
 * Shared steps of realtime tests against one TestApp: a fresh stocktake on
 * a channel of its own, counting a line, and reading the relay's state the
 * way an operator (relayStatus) or the database (outbox rows) sees it.
 */
import {
  CreateStocktakeDocument,
  PopulateStocktakeDocument,
  RelayStatusDocument,
  StocktakeDocument,
  UpdateStocktakeLineDocument,
  type LineFieldsFragment,
  type RelayStatusQuery,
} from '../__generated__/graphql';
import { HOTEL } from './fixtures';
import type { AcceptedEvent } from './pusher-faults';
import type { TestApp } from './test-app';
import { ok, waitUntil } from './waiting';

export type RelayStatus = RelayStatusQuery['relayStatus'];

export interface OutboxRow {
  id: string;
  event_id: string;
  sequence: number;
  name: string;
  attempts: number;
  next_attempt_at: Date | null;
  last_error: string | null;
  published_at: Date | null;
  dead_lettered_at: Date | null;
  slimmed: boolean;
}

/** The `meta` of a Pusher payload, and the rest of it. */
export const dataOf = (event: { data: string }) =>
  JSON.parse(event.data) as Record<string, unknown> & {
    meta: { sequence: number; event_id: string };
    refetch?: boolean;
  };

let periods = 0;

export function stocktakeSteps(t: TestApp) {
  const steps = {
    /** A fresh stocktake (its own detail channel, so sequences start at 1) in a period of its own. */
    async create() {
      periods += 1;
      const year = 2040 + Math.floor(periods / 12);
      const month = String((periods % 12) + 1).padStart(2, '0');
      const periodStart = `${year}-${month}-01`;
      const periodEnd = `${year}-${month}-28`;
      const created = ok(await t.graphql(CreateStocktakeDocument, { hotel: HOTEL, input: { periodStart, periodEnd } }));
      const id = created.createStocktake.id;
      return { id, periodStart, periodEnd, channel: `${HOTEL}-stocktake-${id}` };
    },

    /** Created and populated, its stocktake-populated event (sequence 1) already delivered. */
    async ready() {
      const stocktake = await steps.create();
      ok(await t.graphql(PopulateStocktakeDocument, { id: stocktake.id }));
      const lines = ok(await t.graphql(StocktakeDocument, { id: stocktake.id })).stocktake
        .lines as LineFieldsFragment[];
      await steps.waitForAccepted(stocktake.channel, 1);
      return { ...stocktake, lines, guinness: lines.find((line) => line.itemSku === 'D0030')! };
    },

    async count(lineId: string, countedFullUnits: string): Promise<LineFieldsFragment> {
      return ok(await t.graphql(UpdateStocktakeLineDocument, { id: lineId, input: { countedFullUnits } }))
        .updateStocktakeLine;
    },

    async relayStatus(): Promise<RelayStatus> {
      return ok(await t.graphql(RelayStatusDocument, {})).relayStatus;
    },

    async waitForBacklog(count: number, timeoutMs = 5_000): Promise<RelayStatus> {
      let last: RelayStatus | undefined;
      await waitUntil(
        async () => (last = await steps.relayStatus()).backlog === count,
        `relay backlog ${count}`,
        timeoutMs,
      );
      return last!;
    },

    acceptedOn: (channel: string): AcceptedEvent[] => t.faults.accepted.filter((event) => event.channel === channel),

    async waitForAccepted(channel: string, count: number, timeoutMs = 5_000): Promise<AcceptedEvent[]> {
      await waitUntil(
        () => steps.acceptedOn(channel).length >= count,
        `${count} events accepted on ${channel}`,
        timeoutMs,
      );
      return steps.acceptedOn(channel);
    },

    async outboxRows(channel: string): Promise<OutboxRow[]> {
      const rows = await t.orm.em.fork().execute<OutboxRow[]>(
        `select id, event_id, sequence::int as sequence, name, attempts, next_attempt_at, last_error, published_at, dead_lettered_at, slimmed
         from outbox_event where channel = ? order by sequence`,
        [channel],
      );
      // Raw queries return timestamptz as text ("2026-01-01 10:00:00.123456+00").
      const date = (value: Date | string | null) => (value === null ? null : new Date(value));
      return rows.map((row) => ({
        ...row,
        sequence: Number(row.sequence),
        next_attempt_at: date(row.next_attempt_at),
        published_at: date(row.published_at),
        dead_lettered_at: date(row.dead_lettered_at),
      }));
    },
  };
  return steps;
}
