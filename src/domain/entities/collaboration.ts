import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Collaboration state (docs/collaboration.md): kept in PostgreSQL so every
 * instance sees the same presences, locks and idempotency keys without any
 * other shared store. Rows are read and written with plain SQL
 * (services/presence-service.ts, services/line-locks.ts); the entities only
 * declare the tables for the migrations.
 */

/**
 * One way a user is present on a stocktake: a graphql-ws connection
 * (`sessionKey` = its connection id, renewed by the instance holding it) or
 * HTTP joins (`sessionKey` = `http`, renewed by joining again). The user is
 * present while any of their sessions is.
 */
@Entity({ tableName: 'presence_session' })
@Index({ properties: ['expiresAt'] })
@Index({ properties: ['instanceId'] })
export class PresenceSession {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  stocktakeId!: number;

  @PrimaryKey({ type: 'string', length: 128 })
  userId!: string;

  @PrimaryKey({ type: 'string', length: 100 })
  sessionKey!: string;

  @Property({ type: 'string', length: 200 })
  userName!: string;

  @Property({ type: 'string', length: 100 })
  hotel!: string;

  /** The instance holding the connection; null for HTTP sessions. */
  @Property({ type: 'string', length: 64, nullable: true })
  instanceId!: string | null;

  @Property({ type: 'datetime' })
  joinedAt!: Date;

  @Property({ type: 'datetime' })
  expiresAt!: Date;
}

/**
 * One running API instance, as long as it keeps saying so: it writes `seenAt`
 * every second (services/instance-liveness.ts), and one silent for a few
 * seconds is dead. What an instance holds on behalf of its connections and
 * its relay (presence sessions, outbox claims) dies with it, in seconds
 * rather than after a lease or a heartbeat meant for clients.
 */
@Entity({ tableName: 'instance_liveness' })
export class InstanceLiveness {
  @PrimaryKey({ type: 'string', length: 64 })
  instanceId!: string;

  @Property({ type: 'datetime' })
  startedAt!: Date;

  @Property({ type: 'datetime' })
  seenAt!: Date;
}

/** A soft editing lock on a line: one holder, until `expiresAt` unless renewed. */
@Entity({ tableName: 'line_lock' })
@Index({ properties: ['expiresAt'] })
@Index({ properties: ['stocktakeId', 'userId'] })
export class LineLock {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  lineId!: number;

  @Property({ type: 'integer' })
  stocktakeId!: number;

  @Property({ type: 'string', length: 100 })
  hotel!: string;

  @Property({ type: 'string', length: 128 })
  userId!: string;

  @Property({ type: 'string', length: 200 })
  userName!: string;

  @Property({ type: 'datetime' })
  expiresAt!: Date;
}

/** A mutation done under an idempotency key, with the input it was done for and what it returned. */
@Entity({ tableName: 'idempotency_key' })
@Index({ properties: ['createdAt'] })
export class IdempotencyRecord {
  @PrimaryKey({ type: 'string', length: 128 })
  userId!: string;

  @PrimaryKey({ type: 'string', length: 200 })
  key!: string;

  /** sha256 of the operation document, its name and its variables. */
  @Property({ type: 'string', length: 64 })
  requestHash!: string;

  /** The mutation's result; null while the transaction that took the key is still running. */
  @Property({ type: 'json', nullable: true })
  result!: unknown;

  /**
   * The role checks the mutation passed (viewer.ts, AccessNeeded), run again
   * against the caller's token before a replay is answered; null for keys
   * stored before they were recorded, whose replays are refused.
   */
  @Property({ type: 'json', nullable: true })
  access!: unknown;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}
