/**
 * The line_history table (docs/domain.md, "A line's history"), written in the
 * transaction of each change to a line (writeLine, line-change.ts) and read a
 * page at a time, newest first. Plain SQL, with every row read checked
 * against its declared shape (off the hot path).
 */
import { Type, type Static } from '@sinclair/typebox';
import { LineChangeKind } from '../entities/LineHistoryEntry';
import type { LineChange, LineFigures, LineHistoryView } from '../line-history';
import { pageFromRows, type Page } from '../page';
import type { Sql } from '../sql';

const Figures = Type.Record(Type.String(), Type.Union([Type.String(), Type.Null()]));

/** A line_history row as this module selects it. */
const HistoryRow = Type.Object({
  id: Type.String(),
  lineId: Type.Integer(),
  kind: Type.Enum(LineChangeKind),
  movementId: Type.Union([Type.Integer(), Type.Null()]),
  actorId: Type.String(),
  actorName: Type.String(),
  at: Type.String(),
  lineVersion: Type.Integer(),
  before: Figures,
  after: Figures,
});

type HistoryRow = Static<typeof HistoryRow>;

const COLUMNS = `id::text as "id", line_id as "lineId", kind, movement_id as "movementId", actor_id as "actorId",
  actor_name as "actorName", to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "at",
  line_version as "lineVersion", before, after`;

/** One change to a line, with its figures before and after, as saveLine (line-records.ts) records it. */
export interface HistoryEntry {
  lineId: number;
  stocktakeId: number;
  before: LineFigures;
  after: LineFigures;
  change: LineChange;
}

/**
 * The insert of one history entry, as a part of the statement that saves the line: `saved` is the name of the
 * statement's update of the line (its `returning version` is the entry's line version, and when it updated
 * nothing, nothing is recorded). Its placeholders take `historyValues`.
 */
export function insertHistoryFrom(saved: string): string {
  return `insert into line_history (line_id, stocktake_id, kind, movement_id, actor_id, actor_name, occurred_at,
       line_version, before, after)
     select ?, ?, cast(? as line_change_kind), ?, ?, ?, ?, ${saved}.version, cast(? as jsonb), cast(? as jsonb)
     from ${saved}`;
}

export function historyValues({ lineId, stocktakeId, before, after, change }: HistoryEntry): unknown[] {
  return [
    lineId,
    stocktakeId,
    change.kind,
    change.movementId ?? null,
    change.by.id,
    change.by.name,
    change.at,
    JSON.stringify(before),
    JSON.stringify(after),
  ];
}

/**
 * A page of the line's history, newest first: `first` entries after the entry `after` (its id), or from the
 * newest. Null when `after` is not an entry of this line.
 */
export async function lineHistoryPage(
  sql: Sql,
  lineId: number,
  first: number,
  after: string | null,
): Promise<Page<LineHistoryView> | null> {
  if (after !== null) {
    const [anchor] = await sql.rows<{ id: string }>(
      'select id::text as id from line_history where line_id = ? and id = cast(? as bigint)',
      [lineId, after],
    );
    if (!anchor) return null;
  }
  // Ordered by the column, not the text id of the select list (which would sort "10" before "9").
  const rows = await sql.checkedRows(
    HistoryRow,
    `select ${COLUMNS} from line_history where line_id = ? ${after === null ? '' : 'and id < cast(? as bigint)'}
     order by line_history.id desc limit ?`,
    after === null ? [lineId, first + 1] : [lineId, after, first + 1],
  );
  const page = pageFromRows(rows, first, after !== null);
  return { ...page, items: page.items.map(historyView) };
}

function historyView(row: HistoryRow): LineHistoryView {
  return {
    id: row.id,
    lineId: row.lineId,
    kind: row.kind,
    movementId: row.movementId,
    by: { id: row.actorId, name: row.actorName },
    at: row.at,
    lineVersion: row.lineVersion,
    before: row.before as LineFigures,
    after: row.after as LineFigures,
  };
}
