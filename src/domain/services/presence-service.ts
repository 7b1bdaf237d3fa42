/**
 * Who is on a stocktake right now (docs/collaboration.md, "Presence"). A
 * user is present while any of their sessions is: one per graphql-ws
 * connection that joined (renewed by the instance holding the connection,
 * ended when it closes) and one for HTTP joins (renewed by joining again
 * within the heartbeat). Like Pusher presence, two tabs are one presence:
 * `user-joined` on the first session, `user-left` after the last. Sessions
 * live in PostgreSQL, so every instance sees them, and a sweep on any
 * instance ends the ones whose renewal lapsed, including those of an
 * instance that died. Changes to one stocktake's presence take a
 * transaction-level advisory lock of that stocktake, so a join and the end
 * of another session of the same user cannot both decide wrongly.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { RateLimitedError } from '../errors';
import type { EventRecorder, PresenceEndReason, UserRef } from '../events';
import type { Sql } from '../sql';
import type { UnitOfWork } from '../unit-of-work';
import { actorOf, type Viewer } from '../viewer';
import { hotelOfStocktake } from './access';
import { liveInstance } from './instance-liveness';
import { releaseLocksOf, SYSTEM_ACTOR } from './line-locks';

/** A session of a user on a stocktake: `http`, or a graphql-ws connection of an instance. */
export interface PresenceSessionKey {
  key: string;
  /** The instance renewing the session; null for HTTP sessions, which the client renews. */
  instanceId: string | null;
  /** Set once a join used it, so closing a connection that never joined costs nothing. */
  joined?: boolean;
}

/** A present user, since when, and the lines they hold editing locks on. */
export interface PresentUser {
  user: UserRef;
  since: string;
  editingLineIds: number[];
}

/** The first key of the two-key advisory locks presence takes (the second is the stocktake id). */
const PRESENCE_LOCK_CLASS = 20_261_201;

interface EndedSession {
  user_id: string;
  user_name: string;
  instance_id: string | null;
  session_key: string;
}

export class PresenceService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly heartbeatMs: number,
    private readonly maxSessionsPerUser = Number.POSITIVE_INFINITY,
  ) {}

  /** Joins (or renews) the caller's session; `user-joined` when it is their first. The stocktake's presence. */
  join(viewer: Viewer, stocktakeId: number, session: PresenceSessionKey): Promise<PresentUser[]> {
    session.joined = true;
    return this.unitOfWork.runSql(actorOf(viewer), async (sql, events) => {
      const hotel = await hotelOfStocktake(sql, viewer, stocktakeId, 'staff');
      await lockPresence(sql, stocktakeId);
      const wasPresent = await isPresent(sql, stocktakeId, viewer.id);
      await this.checkSessionCap(sql, viewer, stocktakeId, session);
      const [row] = await sql.rows<{ joined_at: Date }>(
        `insert into presence_session (stocktake_id, user_id, session_key, user_name, hotel, instance_id, joined_at, expires_at)
         values (?, ?, ?, ?, ?, ?, now(), now() + ? * interval '1 millisecond')
         on conflict (stocktake_id, user_id, session_key) do update set
           user_name = excluded.user_name, instance_id = excluded.instance_id, expires_at = excluded.expires_at,
           joined_at = case when presence_session.expires_at <= now() then excluded.joined_at
                            else presence_session.joined_at end
         returning joined_at`,
        [stocktakeId, viewer.id, session.key, viewer.name, hotel, session.instanceId, this.heartbeatMs],
      );
      if (!wasPresent) {
        events.record({
          name: 'user-joined',
          hotel,
          stocktakeId,
          data: { stocktakeId, user: actorOf(viewer), since: new Date(row!.joined_at).toISOString() },
        });
      }
      return presentUsers(sql, stocktakeId);
    });
  }

  /**
   * A new session past the user's cap is refused (RATE_LIMITED): one user cannot fill the table with
   * sessions from many sockets. Renewing a session they hold is always allowed. Joins of one user on
   * different stocktakes do not wait for each other, so two racing joins may pass the cap by one.
   */
  private async checkSessionCap(
    sql: Sql,
    viewer: Viewer,
    stocktakeId: number,
    session: PresenceSessionKey,
  ): Promise<void> {
    if (!Number.isFinite(this.maxSessionsPerUser)) return;
    const [row] = await sql.rows<{ others: number }>(
      `select count(*)::int as others from presence_session
       where user_id = ? and expires_at > now() and not (stocktake_id = ? and session_key = ?)`,
      [viewer.id, stocktakeId, session.key],
    );
    if ((row?.others ?? 0) >= this.maxSessionsPerUser) {
      throw new RateLimitedError(
        `You are already present in ${this.maxSessionsPerUser} places (stocktakes × connections); leave one first`,
        'presenceSessions',
        0,
        this.maxSessionsPerUser,
      );
    }
  }

  /** Ends the caller's session; `user-left` when it was their last. False when they had none. */
  leave(viewer: Viewer, stocktakeId: number, session: PresenceSessionKey): Promise<boolean> {
    return this.unitOfWork.runSql(actorOf(viewer), async (sql, events) => {
      const hotel = await hotelOfStocktake(sql, viewer, stocktakeId, 'staff');
      await lockPresence(sql, stocktakeId);
      const ended = await sql.rows<EndedSession>(
        `delete from presence_session where stocktake_id = ? and user_id = ? and session_key = ?
         returning user_id, user_name, instance_id, session_key`,
        [stocktakeId, viewer.id, session.key],
      );
      await endIfLast(sql, events, hotel, stocktakeId, ended, () => 'left');
      return ended.length > 0;
    });
  }

  /** The users present on a stocktake, earliest first. */
  async present(em: EntityManager, viewer: Viewer, stocktakeId: number): Promise<PresentUser[]> {
    const sql = this.unitOfWork.sqlOf(em);
    await hotelOfStocktake(sql, viewer, stocktakeId, 'staff');
    return presentUsers(sql, stocktakeId);
  }

  /** A graphql-ws connection closed: its sessions end (`user-left` where they were a user's last). */
  async disconnected(session: PresenceSessionKey): Promise<void> {
    if (!session.joined) return;
    const held = await this.unitOfWork.runSql(SYSTEM_ACTOR, (sql) =>
      sql.rows<{ stocktake_id: number; hotel: string }>(
        'select distinct stocktake_id, hotel from presence_session where session_key = ?',
        [session.key],
      ),
    );
    for (const { stocktake_id: stocktakeId, hotel } of held) {
      await this.unitOfWork.runSql(SYSTEM_ACTOR, async (sql, events) => {
        await lockPresence(sql, stocktakeId);
        const ended = await sql.rows<EndedSession>(
          `delete from presence_session where stocktake_id = ? and session_key = ?
           returning user_id, user_name, instance_id, session_key`,
          [stocktakeId, session.key],
        );
        await endIfLast(sql, events, hotel, stocktakeId, ended, () => 'disconnected');
      });
    }
  }

  /** Renews the sessions of an instance's open connections; called well within the heartbeat. */
  async renewInstance(instanceId: string): Promise<void> {
    await this.unitOfWork.runSql(SYSTEM_ACTOR, (sql) =>
      sql.rows(`update presence_session set expires_at = now() + ? * interval '1 millisecond' where instance_id = ?`, [
        this.heartbeatMs,
        instanceId,
      ]),
    );
  }

  /**
   * Ends every session whose renewal lapsed: HTTP joins not repeated within
   * the heartbeat (`timeout`) and connections whose instance stopped
   * renewing them or stopped beating (instance-liveness.ts), which only a
   * dead instance does (`instance-lost`): the latter within seconds.
   * Returns how many sessions ended.
   */
  async sweep(): Promise<number> {
    const lapsed = await this.unitOfWork.runSql(SYSTEM_ACTOR, (sql) =>
      sql.rows<{ stocktake_id: number; hotel: string }>(
        `select distinct stocktake_id, hotel from presence_session p where ${LAPSED} limit 100`,
      ),
    );
    let ended = 0;
    for (const { stocktake_id: stocktakeId, hotel } of lapsed) {
      ended += await this.unitOfWork.runSql(SYSTEM_ACTOR, async (sql, events) => {
        await lockPresence(sql, stocktakeId);
        const rows = await sql.rows<EndedSession>(
          `delete from presence_session p where stocktake_id = ? and ${LAPSED}
           returning user_id, user_name, instance_id, session_key`,
          [stocktakeId],
        );
        await endIfLast(sql, events, hotel, stocktakeId, rows, (session) =>
          session.instance_id === null ? 'timeout' : 'instance-lost',
        );
        return rows.length;
      });
    }
    return ended;
  }
}

/** A session (alias `p`) that ended without a word: not renewed in time, or its instance dead. */
const LAPSED = `(p.expires_at <= now() or (p.instance_id is not null and not ${liveInstance('p.instance_id')}))`;

function lockPresence(sql: Sql, stocktakeId: number): Promise<unknown> {
  return sql.rows('select pg_advisory_xact_lock(?, ?)', [PRESENCE_LOCK_CLASS, stocktakeId]);
}

async function isPresent(sql: Sql, stocktakeId: number, userId: string): Promise<boolean> {
  const [row] = await sql.rows<{ present: boolean }>(
    `select exists (select 1 from presence_session where stocktake_id = ? and user_id = ? and expires_at > now()) as present`,
    [stocktakeId, userId],
  );
  return row!.present;
}

/** For each user whose sessions ended: if none is left, their presence ends (`user-left`) and so do their locks. */
async function endIfLast(
  sql: Sql,
  events: EventRecorder,
  hotel: string,
  stocktakeId: number,
  ended: readonly EndedSession[],
  reasonOf: (session: EndedSession) => PresenceEndReason,
): Promise<void> {
  const byUser = new Map(ended.map((session) => [session.user_id, session]));
  for (const [userId, session] of byUser) {
    if (await isPresent(sql, stocktakeId, userId)) continue;
    // Lapsed sessions of the same user not swept yet end with the presence.
    await sql.rows('delete from presence_session where stocktake_id = ? and user_id = ?', [stocktakeId, userId]);
    await releaseLocksOf(sql, events, stocktakeId, userId);
    events.record({
      name: 'user-left',
      hotel,
      stocktakeId,
      data: { stocktakeId, user: { id: userId, name: session.user_name }, reason: reasonOf(session) },
    });
  }
}

async function presentUsers(sql: Sql, stocktakeId: number): Promise<PresentUser[]> {
  const rows = await sql.rows<{ user_id: string; user_name: string; since: Date; editing: number[] | null }>(
    `select p.user_id, max(p.user_name) as user_name, min(p.joined_at) as since,
       (select array_agg(k.line_id order by k.line_id) from line_lock k
        where k.stocktake_id = p.stocktake_id and k.user_id = p.user_id and k.expires_at > now()) as editing
     from presence_session p where p.stocktake_id = ? and p.expires_at > now()
     group by p.stocktake_id, p.user_id order by since, p.user_id`,
    [stocktakeId],
  );
  return rows.map((row) => ({
    user: { id: row.user_id, name: row.user_name },
    since: new Date(row.since).toISOString(),
    editingLineIds: row.editing ?? [],
  }));
}
