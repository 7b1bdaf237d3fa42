/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant as ISO-8601; always returned in UTC with Z, e.g. "2025-11-09T14:30:00.000Z". */
  DateTime: { input: string; output: string; }
  /** A decimal number as a string, e.g. "45.50"; never a float, so no digit is lost. */
  Decimal: { input: string; output: string; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: any; output: any; }
  /** A calendar date, YYYY-MM-DD, in the hotel's time zone, from 1970-01-01 to 2199-12-31. */
  LocalDate: { input: string; output: string; }
};

export type ApproveStocktakePayload = {
  __typename?: 'ApproveStocktakePayload';
  /** ADJUSTMENT movements written: one per line whose variance is not zero. */
  adjustmentsCreated: Scalars['Int']['output'];
  stocktake: Stocktake;
  /** Lines approved without a count. Allowed: such a line is approved as its counts stand (zero when never counted). */
  uncountedLines: Scalars['Int']['output'];
};

/** One line of a bulk count (updateStocktakeLines). */
export type BulkLineCountInput = {
  /** At most 2 places, not negative. */
  countedFullUnits?: InputMaybe<Scalars['Decimal']['input']>;
  /** At most 2 places, not negative. */
  countedPartialUnits?: InputMaybe<Scalars['Decimal']['input']>;
  /** The version you last saw; a newer one on the server refuses the whole update (CONFLICT). */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  lineId: Scalars['ID']['input'];
};

/** Lines counted in one update (on Pusher: bulk-lines-updated, in parts). */
export type BulkLinesUpdatedEvent = RealtimeEvent & {
  __typename?: 'BulkLinesUpdatedEvent';
  actor: EventActor;
  /** The channel this copy of the event belongs to. */
  channel: Scalars['String']['output'];
  /** The epoch of the channel history the sequence counts in: it changes when the history cannot continue (a restore, a reset). Pass it back with afterSequence. */
  epoch: Scalars['String']['output'];
  /** Identifies the event; the same on every channel it was sent to. */
  eventId: Scalars['ID']['output'];
  lines: Array<StocktakeLine>;
  linesUpdated: Scalars['Int']['output'];
  /** The Pusher event name, e.g. line-counted-updated. */
  name: Scalars['String']['output'];
  occurredAt: Scalars['DateTime']['output'];
  /** The stocktake's progress after this change. Null only on events recorded before it was added. */
  progress?: Maybe<StocktakeProgress>;
  /** Position on the channel within its epoch: 1, 2, 3… in commit order, with no gaps. */
  sequence: Scalars['Int']['output'];
  stocktakeId: Scalars['ID']['output'];
};

export type CategoryTotals = {
  __typename?: 'CategoryTotals';
  adjustments: Scalars['Decimal']['output'];
  categoryCode: Scalars['String']['output'];
  categoryName: Scalars['String']['output'];
  countedQty: Scalars['Decimal']['output'];
  countedValue: Scalars['Decimal']['output'];
  expectedQty: Scalars['Decimal']['output'];
  expectedValue: Scalars['Decimal']['output'];
  itemCount: Scalars['Int']['output'];
  manualPurchasesValue: Scalars['Decimal']['output'];
  openingQty: Scalars['Decimal']['output'];
  purchases: Scalars['Decimal']['output'];
  transfersIn: Scalars['Decimal']['output'];
  transfersOut: Scalars['Decimal']['output'];
  varianceQty: Scalars['Decimal']['output'];
  varianceValue: Scalars['Decimal']['output'];
  waste: Scalars['Decimal']['output'];
};

/** A stored event as a Pusher client received (or missed) it. */
export type ChannelEvent = {
  __typename?: 'ChannelEvent';
  /** The channel, without the optional private- prefix. */
  channel: Scalars['String']['output'];
  /** The epoch the sequence counts in (docs/realtime.md, "Positions and epochs"). */
  epoch: Scalars['String']['output'];
  eventId: Scalars['ID']['output'];
  /** The Pusher event name. */
  name: Scalars['String']['output'];
  occurredAt: Scalars['DateTime']['output'];
  /** The full Pusher payload, including meta. */
  payload: Scalars['JSONObject']['output'];
  sequence: Scalars['Int']['output'];
};

export type CreateStockItemInput = {
  menuPrice?: InputMaybe<Scalars['Decimal']['input']>;
  name: Scalars['String']['input'];
  size: Scalars['String']['input'];
  sizeUnit?: InputMaybe<Scalars['String']['input']>;
  sizeValue?: InputMaybe<Scalars['Decimal']['input']>;
  /** Starts with the category letter, e.g. D0030. */
  sku: Scalars['String']['input'];
  unitCost: Scalars['Decimal']['input'];
  uom: Scalars['Decimal']['input'];
};

export type CreateStocktakeInput = {
  notes?: InputMaybe<Scalars['String']['input']>;
  /** Inclusive; not before periodStart. */
  periodEnd: Scalars['LocalDate']['input'];
  periodStart: Scalars['LocalDate']['input'];
};

export type DeadLetteredEvent = {
  __typename?: 'DeadLetteredEvent';
  channel: Scalars['String']['output'];
  deadLetteredAt: Scalars['DateTime']['output'];
  eventId: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Why Pusher can never accept it. */
  reason: Scalars['String']['output'];
  sequence: Scalars['Int']['output'];
};

export type DeleteLineMovementPayload = {
  __typename?: 'DeleteLineMovementPayload';
  deletedMovementId: Scalars['ID']['output'];
  line: StocktakeLine;
};

/** Several editing locks ended at once: one event for all of them, never one per line. */
export type EditingLocksEndedEvent = RealtimeEvent & {
  __typename?: 'EditingLocksEndedEvent';
  actor: EventActor;
  /** The channel this copy of the event belongs to. */
  channel: Scalars['String']['output'];
  /** The epoch of the channel history the sequence counts in: it changes when the history cannot continue (a restore, a reset). Pass it back with afterSequence. */
  epoch: Scalars['String']['output'];
  /** Identifies the event; the same on every channel it was sent to. */
  eventId: Scalars['ID']['output'];
  /** The lines whose locks ended, in line id order. */
  lineIds: Array<Scalars['ID']['output']>;
  /** Each lock that ended, in line id order. */
  locks: Array<EndedLineLock>;
  /** The Pusher event name, e.g. line-counted-updated. */
  name: Scalars['String']['output'];
  occurredAt: Scalars['DateTime']['output'];
  /** broken (a manager ended all of one user's locks; actor is the manager) or approved. */
  reason: Scalars['String']['output'];
  /** Position on the channel within its epoch: 1, 2, 3… in commit order, with no gaps. */
  sequence: Scalars['Int']['output'];
  stocktakeId: Scalars['ID']['output'];
};

/** An editing lock that ended, and who held it. */
export type EndedLineLock = {
  __typename?: 'EndedLineLock';
  lineId: Scalars['ID']['output'];
  /** Who held it. */
  user: EventActor;
};

/** Who made the change. */
export type EventActor = {
  __typename?: 'EventActor';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

/** A hotel the caller belongs to. */
export type Hotel = {
  __typename?: 'Hotel';
  id: Scalars['ID']['output'];
  /** Slug such as hotel-killarney; `hotel` arguments and channel names use it. */
  identifier: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** The caller's role in this hotel. */
  role: Role;
  /** IANA time zone whose calendar days bound stocktake periods. */
  timeZone: Scalars['String']['output'];
};

/** What a line history entry records: a count, a change of the manual purchases value alone, or a movement of the line's item added, corrected or deleted. */
export type LineChangeKind =
  | 'COUNT'
  | 'MOVEMENT_ADDED'
  | 'MOVEMENT_DELETED'
  | 'MOVEMENT_UPDATED'
  | 'PURCHASES_VALUE';

export type LineCountedUpdatedEvent = RealtimeEvent & {
  __typename?: 'LineCountedUpdatedEvent';
  actor: EventActor;
  /** The channel this copy of the event belongs to. */
  channel: Scalars['String']['output'];
  /** The epoch of the channel history the sequence counts in: it changes when the history cannot continue (a restore, a reset). Pass it back with afterSequence. */
  epoch: Scalars['String']['output'];
  /** Identifies the event; the same on every channel it was sent to. */
  eventId: Scalars['ID']['output'];
  itemSku: Scalars['String']['output'];
  line: StocktakeLine;
  lineId: Scalars['ID']['output'];
  /** The Pusher event name, e.g. line-counted-updated. */
  name: Scalars['String']['output'];
  occurredAt: Scalars['DateTime']['output'];
  /** The stocktake's progress after this change. Null only on events recorded before it was added. */
  progress?: Maybe<StocktakeProgress>;
  /** Position on the channel within its epoch: 1, 2, 3… in commit order, with no gaps. */
  sequence: Scalars['Int']['output'];
};

/** A line's counted figures and movement totals at one moment, as on StocktakeLine. */
export type LineFigures = {
  __typename?: 'LineFigures';
  adjustments: Scalars['Decimal']['output'];
  /** Kegs, cases or bottles counted. */
  countedFullUnits: Scalars['Decimal']['output'];
  /** Pints or loose bottles (draught, Doz, LT sizes) or a fraction of a bottle (others). */
  countedPartialUnits: Scalars['Decimal']['output'];
  countedQty: Scalars['Decimal']['output'];
  countedValue: Scalars['Decimal']['output'];
  /** opening + purchases − waste. */
  expectedQty: Scalars['Decimal']['output'];
  /** Optional EUR override entered by hand. */
  manualPurchasesValue?: Maybe<Scalars['Decimal']['output']>;
  purchases: Scalars['Decimal']['output'];
  /** SALE movements in the period (display only). */
  salesQty: Scalars['Decimal']['output'];
  transfersIn: Scalars['Decimal']['output'];
  transfersOut: Scalars['Decimal']['output'];
  /** counted − expected; negative is a shortage. */
  varianceQty: Scalars['Decimal']['output'];
  varianceValue: Scalars['Decimal']['output'];
  waste: Scalars['Decimal']['output'];
};

/** One change to a line: a count, or a movement of it. */
export type LineHistoryEntry = {
  __typename?: 'LineHistoryEntry';
  /** The line's figures after the change. */
  after: LineFigures;
  /** When the change was made. */
  at: Scalars['DateTime']['output'];
  /** The line's figures before the change. */
  before: LineFigures;
  /** Who made the change. */
  by: User;
  id: Scalars['ID']['output'];
  kind: LineChangeKind;
  lineId: Scalars['ID']['output'];
  /** The line's version after the change. */
  lineVersion: Scalars['Int']['output'];
  /** The movement added, corrected or deleted; null for a count. */
  movementId?: Maybe<Scalars['ID']['output']>;
};

/** A page of LineHistoryEntry items (Relay-style connection). */
export type LineHistoryEntryConnection = {
  __typename?: 'LineHistoryEntryConnection';
  edges: Array<LineHistoryEntryEdge>;
  /** The nodes of `edges`, for clients that need no cursors. */
  nodes: Array<LineHistoryEntry>;
  pageInfo: PageInfo;
};

/** A LineHistoryEntry in a page, with its cursor. */
export type LineHistoryEntryEdge = {
  __typename?: 'LineHistoryEntryEdge';
  /** Opaque: pass it as `after` to read the items after this one. */
  cursor: Scalars['String']['output'];
  node: LineHistoryEntry;
};

/** A line's editing lock. */
export type LineLock = {
  __typename?: 'LineLock';
  /** When it expires unless renewed (startEditingLine again). */
  expiresAt: Scalars['DateTime']['output'];
  lineId: Scalars['ID']['output'];
  stocktakeId: Scalars['ID']['output'];
  /** The holder. */
  user: EventActor;
};

export type LineMovementAddedEvent = RealtimeEvent & {
  __typename?: 'LineMovementAddedEvent';
  actor: EventActor;
  /** The channel this copy of the event belongs to. */
  channel: Scalars['String']['output'];
  /** The epoch of the channel history the sequence counts in: it changes when the history cannot continue (a restore, a reset). Pass it back with afterSequence. */
  epoch: Scalars['String']['output'];
  /** Identifies the event; the same on every channel it was sent to. */
  eventId: Scalars['ID']['output'];
  itemSku: Scalars['String']['output'];
  line: StocktakeLine;
  lineId: Scalars['ID']['output'];
  movement: StockMovement;
  /** The Pusher event name, e.g. line-counted-updated. */
  name: Scalars['String']['output'];
  occurredAt: Scalars['DateTime']['output'];
  /** The stocktake's progress after this change. Null only on events recorded before it was added. */
  progress?: Maybe<StocktakeProgress>;
  /** Position on the channel within its epoch: 1, 2, 3… in commit order, with no gaps. */
  sequence: Scalars['Int']['output'];
};

export type LineMovementDeletedEvent = RealtimeEvent & {
  __typename?: 'LineMovementDeletedEvent';
  actor: EventActor;
  /** The channel this copy of the event belongs to. */
  channel: Scalars['String']['output'];
  deletedMovementId: Scalars['ID']['output'];
  /** The epoch of the channel history the sequence counts in: it changes when the history cannot continue (a restore, a reset). Pass it back with afterSequence. */
  epoch: Scalars['String']['output'];
  /** Identifies the event; the same on every channel it was sent to. */
  eventId: Scalars['ID']['output'];
  itemSku: Scalars['String']['output'];
  line: StocktakeLine;
  lineId: Scalars['ID']['output'];
  /** The Pusher event name, e.g. line-counted-updated. */
  name: Scalars['String']['output'];
  occurredAt: Scalars['DateTime']['output'];
  /** The stocktake's progress after this change. Null only on events recorded before it was added. */
  progress?: Maybe<StocktakeProgress>;
  /** Position on the channel within its epoch: 1, 2, 3… in commit order, with no gaps. */
  sequence: Scalars['Int']['output'];
};

export type LineMovementInput = {
  /** The line version you last saw; a newer one on the server is a CONFLICT carrying the current line. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** PURCHASE or WASTE. */
  movementType: MovementType;
  notes?: InputMaybe<Scalars['String']['input']>;
  /** Servings; positive, at most 4 places (88 = one 50L keg of pints). */
  quantity: Scalars['Decimal']['input'];
  /** Defaults to Stocktake-{id}. */
  reference?: InputMaybe<Scalars['String']['input']>;
  /** Defaults to now; always clamped into the stocktake period. */
  timestamp?: InputMaybe<Scalars['DateTime']['input']>;
  /** Cost per serving. */
  unitCost?: InputMaybe<Scalars['Decimal']['input']>;
};

export type LineMovementPayload = {
  __typename?: 'LineMovementPayload';
  line: StocktakeLine;
  movement: StockMovement;
};

export type LineMovementUpdatedEvent = RealtimeEvent & {
  __typename?: 'LineMovementUpdatedEvent';
  actor: EventActor;
  /** The channel this copy of the event belongs to. */
  channel: Scalars['String']['output'];
  /** The epoch of the channel history the sequence counts in: it changes when the history cannot continue (a restore, a reset). Pass it back with afterSequence. */
  epoch: Scalars['String']['output'];
  /** Identifies the event; the same on every channel it was sent to. */
  eventId: Scalars['ID']['output'];
  itemSku: Scalars['String']['output'];
  line: StocktakeLine;
  lineId: Scalars['ID']['output'];
  movement: StockMovement;
  /** The Pusher event name, e.g. line-counted-updated. */
  name: Scalars['String']['output'];
  occurredAt: Scalars['DateTime']['output'];
  oldValues: MovementValues;
  /** The stocktake's progress after this change. Null only on events recorded before it was added. */
  progress?: Maybe<StocktakeProgress>;
  /** Position on the channel within its epoch: 1, 2, 3… in commit order, with no gaps. */
  sequence: Scalars['Int']['output'];
};

/** The caller, as their token names them. */
export type Me = {
  __typename?: 'Me';
  hotels: Array<Hotel>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

export type MovementType =
  | 'ADJUSTMENT'
  | 'PURCHASE'
  | 'SALE'
  | 'TRANSFER_IN'
  | 'TRANSFER_OUT'
  | 'WASTE';

/** A movement's editable fields before an update. */
export type MovementValues = {
  __typename?: 'MovementValues';
  movementType: MovementType;
  notes: Scalars['String']['output'];
  quantity: Scalars['Decimal']['output'];
  reference: Scalars['String']['output'];
  unitCost?: Maybe<Scalars['Decimal']['output']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Records a purchase or waste against the line and recalculates it. */
  addLineMovement: LineMovementPayload;
  /** Locks the stocktake and writes one ADJUSTMENT per line with a variance. */
  approveStocktake: ApproveStocktakePayload;
  /** Managers end anyone's editing lock on the line (reason broken); false when there was none. */
  breakLineLock: Scalars['Boolean']['output'];
  /** Managers end all of one user's editing locks on the stocktake at once (one editing-locks-ended event, reason broken); how many ended. */
  breakUserLocks: Scalars['Int']['output'];
  /** Managers add an item to the catalogue; the SKU letter sets its category. */
  createStockItem: StockItem;
  /** Managers open a stocktake for a period (one per hotel and period). */
  createStocktake: Stocktake;
  deleteLineMovement: DeleteLineMovementPayload;
  /** Deletes a draft stocktake and its lines; returns its id. Approved stocktakes are locked. */
  deleteStocktake: Scalars['ID']['output'];
  /** Joins the stocktake (user-joined on your first tab or device) or renews your presence; returns who is there. Over HTTP, call it again within the presence heartbeat; over graphql-ws the connection keeps it. */
  joinStocktake: Array<PresentUser>;
  /** Leaves from this connection (or HTTP); user-left once none of your sessions remains. */
  leaveStocktake: Scalars['Boolean']['output'];
  /** Adds missing lines and refreshes movement totals; counts are kept. Safe to repeat. */
  populateStocktake: PopulateStocktakePayload;
  /** Back to DRAFT, removing the approval's adjustments. */
  reopenStocktake: ReopenStocktakePayload;
  /** Managers send a hotel's dead-lettered events to Pusher again (e.g. after fixing the Pusher configuration); returns how many. One whose channel has delivered later events since goes in the slim form, so no screen is set back to older data. */
  requeueDeadLetters: Scalars['Int']['output'];
  /** Takes the line's editing lock, or renews yours; CONFLICT (extensions.lockedBy, lockExpiresAt) while someone else holds it. You hold at most LINE_LOCKS_PER_USER locks per stocktake (1 by default): taking one more releases your oldest. */
  startEditingLine: LineLock;
  /** Releases your editing lock on the line; false when you held none. */
  stopEditingLine: Scalars['Boolean']['output'];
  updateLineMovement: UpdateLineMovementPayload;
  /** Managers change an item; set active: false to deactivate it. */
  updateStockItem: StockItem;
  updateStocktake: Stocktake;
  /** Enters counts; omitted fields stay as they are. */
  updateStocktakeLine: StocktakeLine;
  /** Counts several lines of a stocktake at once, all or nothing; when refused, extensions.lineErrors says why for each line. */
  updateStocktakeLines: Array<StocktakeLine>;
};


export type MutationAddLineMovementArgs = {
  input: LineMovementInput;
  lineId: Scalars['ID']['input'];
};


export type MutationApproveStocktakeArgs = {
  id: Scalars['ID']['input'];
};


export type MutationBreakLineLockArgs = {
  lineId: Scalars['ID']['input'];
};


export type MutationBreakUserLocksArgs = {
  stocktakeId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationCreateStockItemArgs = {
  hotel: Scalars['String']['input'];
  input: CreateStockItemInput;
};


export type MutationCreateStocktakeArgs = {
  hotel: Scalars['String']['input'];
  input: CreateStocktakeInput;
};


export type MutationDeleteLineMovementArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  lineId: Scalars['ID']['input'];
  movementId: Scalars['ID']['input'];
};


export type MutationDeleteStocktakeArgs = {
  id: Scalars['ID']['input'];
};


export type MutationJoinStocktakeArgs = {
  stocktakeId: Scalars['ID']['input'];
};


export type MutationLeaveStocktakeArgs = {
  stocktakeId: Scalars['ID']['input'];
};


export type MutationPopulateStocktakeArgs = {
  id: Scalars['ID']['input'];
};


export type MutationReopenStocktakeArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRequeueDeadLettersArgs = {
  hotel: Scalars['String']['input'];
};


export type MutationStartEditingLineArgs = {
  lineId: Scalars['ID']['input'];
};


export type MutationStopEditingLineArgs = {
  lineId: Scalars['ID']['input'];
};


export type MutationUpdateLineMovementArgs = {
  input: UpdateLineMovementInput;
  lineId: Scalars['ID']['input'];
  movementId: Scalars['ID']['input'];
};


export type MutationUpdateStockItemArgs = {
  id: Scalars['ID']['input'];
  input: UpdateStockItemInput;
};


export type MutationUpdateStocktakeArgs = {
  id: Scalars['ID']['input'];
  input: UpdateStocktakeInput;
};


export type MutationUpdateStocktakeLineArgs = {
  id: Scalars['ID']['input'];
  input: UpdateStocktakeLineInput;
};


export type MutationUpdateStocktakeLinesArgs = {
  lines: Array<BulkLineCountInput>;
  stocktakeId: Scalars['ID']['input'];
};

/** Where a page of a connection sits in the whole list. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The last edge's cursor, to pass as `after` for the next page; null when the page is empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** More items follow this page: ask again with `after: endCursor`. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Items precede this page (it was read after a cursor). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The first edge's cursor; null when the page is empty. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

export type PopulateStocktakePayload = {
  __typename?: 'PopulateStocktakePayload';
  /** Lines added by this run; existing lines were refreshed, their counts kept. */
  linesCreated: Scalars['Int']['output'];
  stocktake: Stocktake;
};

/** A user on the stocktake now (any tab or device). */
export type PresentUser = {
  __typename?: 'PresentUser';
  /** Lines they hold the editing lock of. */
  editingLineIds: Array<Scalars['ID']['output']>;
  /** When their presence began (their first session). */
  since: Scalars['DateTime']['output'];
  user: EventActor;
};

export type Query = {
  __typename?: 'Query';
  /** Sums per category; one entry when category is given (none if it has no lines). */
  categoryTotals: Array<CategoryTotals>;
  /** Catch-up for Pusher clients: the events of a channel after a sequence number, with their exact Pusher payloads. HISTORY_EXPIRED when that is older than the history kept, ahead of the channel, or of another epoch. */
  channelEvents: Array<ChannelEvent>;
  /** Events of a hotel that Pusher will not get, newest first (managers). */
  deadLetteredEvents: Array<DeadLetteredEvent>;
  hotel: Hotel;
  /** The caller's hotels. */
  hotels: Array<Hotel>;
  /** A line's history, newest first, a page at a time: every count and movement change, who made it, when, and the line's figures before and after. Kept for the stocktake's life; readable by whoever may read the line. */
  lineHistory: LineHistoryEntryConnection;
  /** The line's item movements inside the stocktake period, newest first. */
  lineMovements: Array<StockMovement>;
  /** The caller and their hotels. */
  me: Me;
  /** Who is on the stocktake now, and which lines each is editing. */
  presence: Array<PresentUser>;
  /** Backlog and lag of Pusher delivery for the hotels the caller manages. */
  relayStatus: RelayStatus;
  /** A hotel's catalogue, by category then SKU; active items unless includeInactive. */
  stockItems: Array<StockItem>;
  stocktake: Stocktake;
  stocktakeLine: StocktakeLine;
  /** A hotel's stocktakes, newest period first, a page at a time (a Relay-style connection). */
  stocktakes: StocktakeConnection;
};


export type QueryCategoryTotalsArgs = {
  category?: InputMaybe<Scalars['String']['input']>;
  stocktakeId: Scalars['ID']['input'];
};


export type QueryChannelEventsArgs = {
  afterSequence?: Scalars['Int']['input'];
  channel: Scalars['String']['input'];
  epoch?: InputMaybe<Scalars['String']['input']>;
  limit?: Scalars['Int']['input'];
};


export type QueryDeadLetteredEventsArgs = {
  hotel: Scalars['String']['input'];
  limit?: Scalars['Int']['input'];
};


export type QueryHotelArgs = {
  identifier: Scalars['String']['input'];
};


export type QueryLineHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  lineId: Scalars['ID']['input'];
};


export type QueryLineMovementsArgs = {
  lineId: Scalars['ID']['input'];
};


export type QueryPresenceArgs = {
  stocktakeId: Scalars['ID']['input'];
};


export type QueryStockItemsArgs = {
  category?: InputMaybe<Scalars['String']['input']>;
  hotel: Scalars['String']['input'];
  includeInactive?: InputMaybe<Scalars['Boolean']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


export type QueryStocktakeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryStocktakeLineArgs = {
  id: Scalars['ID']['input'];
};


export type QueryStocktakesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  hotel: Scalars['String']['input'];
  status?: InputMaybe<StocktakeStatus>;
};

/** Delivery metadata every event carries; the same values are in the Pusher payload under `meta`. */
export type RealtimeEvent = {
  actor: EventActor;
  /** The channel this copy of the event belongs to. */
  channel: Scalars['String']['output'];
  /** The epoch of the channel history the sequence counts in: it changes when the history cannot continue (a restore, a reset). Pass it back with afterSequence. */
  epoch: Scalars['String']['output'];
  /** Identifies the event; the same on every channel it was sent to. */
  eventId: Scalars['ID']['output'];
  /** The Pusher event name, e.g. line-counted-updated. */
  name: Scalars['String']['output'];
  occurredAt: Scalars['DateTime']['output'];
  /** Position on the channel within its epoch: 1, 2, 3… in commit order, with no gaps. */
  sequence: Scalars['Int']['output'];
};

/** How far behind Pusher delivery is. */
export type RelayStatus = {
  __typename?: 'RelayStatus';
  /** Events committed but not yet accepted by Pusher. */
  backlog: Scalars['Int']['output'];
  /** Events that will never be sent to Pusher (see deadLetteredEvents). */
  deadLettered: Scalars['Int']['output'];
  /** Why the newest undelivered event (waiting or dead-lettered) was refused; details in deadLetteredEvents. */
  lastError?: Maybe<Scalars['String']['output']>;
  /** Whether this instance is the one relaying to Pusher. */
  leader: Scalars['Boolean']['output'];
  /** Age of the oldest of those, in seconds. */
  oldestPendingAgeSeconds?: Maybe<Scalars['Int']['output']>;
  /** Set while publishing is paused after a 403 from Pusher. */
  pausedUntil?: Maybe<Scalars['DateTime']['output']>;
};

export type ReopenStocktakePayload = {
  __typename?: 'ReopenStocktakePayload';
  /** ADJUSTMENT movements of the approval that were removed. */
  adjustmentsRemoved: Scalars['Int']['output'];
  stocktake: Stocktake;
};

/** staff count and record movements; managers also run the stocktake. */
export type Role =
  | 'manager'
  | 'staff';

export type StockItem = {
  __typename?: 'StockItem';
  active: Scalars['Boolean']['output'];
  /** D, B, S, W or M. */
  categoryCode: Scalars['String']['output'];
  categoryName: Scalars['String']['output'];
  costPerServing: Scalars['Decimal']['output'];
  id: Scalars['ID']['output'];
  menuPrice?: Maybe<Scalars['Decimal']['output']>;
  name: Scalars['String']['output'];
  /** Display size such as 50Lt, Doz, 70cl; it also selects the counting rule. */
  size: Scalars['String']['output'];
  sizeUnit: Scalars['String']['output'];
  sizeValue?: Maybe<Scalars['Decimal']['output']>;
  sku: Scalars['String']['output'];
  /** Cost of one full unit. */
  unitCost: Scalars['Decimal']['output'];
  /** Servings per full unit (pints per keg, bottles per case, shots per bottle). */
  uom: Scalars['Decimal']['output'];
};

export type StockMovement = {
  __typename?: 'StockMovement';
  id: Scalars['ID']['output'];
  itemId: Scalars['ID']['output'];
  itemSku: Scalars['String']['output'];
  movementType: MovementType;
  notes: Scalars['String']['output'];
  /** In servings, 4 places. */
  quantity: Scalars['Decimal']['output'];
  reference: Scalars['String']['output'];
  staffId?: Maybe<Scalars['ID']['output']>;
  staffName?: Maybe<Scalars['String']['output']>;
  timestamp: Scalars['DateTime']['output'];
  /** Cost per serving. */
  unitCost?: Maybe<Scalars['Decimal']['output']>;
};

export type Stocktake = {
  __typename?: 'Stocktake';
  approvedAt?: Maybe<Scalars['DateTime']['output']>;
  approvedById?: Maybe<Scalars['ID']['output']>;
  approvedByName?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** The hotel identifier (slug). */
  hotel: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** True once approved: counts and movements can no longer change. */
  isLocked: Scalars['Boolean']['output'];
  lineCount: Scalars['Int']['output'];
  /** Every line, by category then SKU. Loaded only when selected. */
  lines: Array<StocktakeLine>;
  /** The lines a page at a time, in the order of `lines` (category, then SKU): a screen can show the first page of a large stocktake at once and read on with `after: pageInfo.endCursor`. */
  linesConnection: StocktakeLineConnection;
  notes: Scalars['String']['output'];
  periodEnd: Scalars['LocalDate']['output'];
  periodStart: Scalars['LocalDate']['output'];
  /** How far the count has got; kept current with every count. */
  progress: StocktakeProgress;
  status: StocktakeStatus;
  /** Σ expected value of the lines. */
  totalValue: Scalars['Decimal']['output'];
  /** Σ variance value of every line, counted or not (see progress). */
  totalVarianceValue: Scalars['Decimal']['output'];
};


export type StocktakeLinesConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};

/** A page of Stocktake items (Relay-style connection). */
export type StocktakeConnection = {
  __typename?: 'StocktakeConnection';
  edges: Array<StocktakeEdge>;
  /** The nodes of `edges`, for clients that need no cursors. */
  nodes: Array<Stocktake>;
  pageInfo: PageInfo;
};

export type StocktakeCreatedEvent = RealtimeEvent & {
  __typename?: 'StocktakeCreatedEvent';
  actor: EventActor;
  /** The channel this copy of the event belongs to. */
  channel: Scalars['String']['output'];
  /** The epoch of the channel history the sequence counts in: it changes when the history cannot continue (a restore, a reset). Pass it back with afterSequence. */
  epoch: Scalars['String']['output'];
  /** Identifies the event; the same on every channel it was sent to. */
  eventId: Scalars['ID']['output'];
  /** The Pusher event name, e.g. line-counted-updated. */
  name: Scalars['String']['output'];
  occurredAt: Scalars['DateTime']['output'];
  /** Position on the channel within its epoch: 1, 2, 3… in commit order, with no gaps. */
  sequence: Scalars['Int']['output'];
  stocktake: Stocktake;
};

export type StocktakeDeletedEvent = RealtimeEvent & {
  __typename?: 'StocktakeDeletedEvent';
  actor: EventActor;
  /** The channel this copy of the event belongs to. */
  channel: Scalars['String']['output'];
  /** The epoch of the channel history the sequence counts in: it changes when the history cannot continue (a restore, a reset). Pass it back with afterSequence. */
  epoch: Scalars['String']['output'];
  /** Identifies the event; the same on every channel it was sent to. */
  eventId: Scalars['ID']['output'];
  /** The Pusher event name, e.g. line-counted-updated. */
  name: Scalars['String']['output'];
  occurredAt: Scalars['DateTime']['output'];
  /** Position on the channel within its epoch: 1, 2, 3… in commit order, with no gaps. */
  sequence: Scalars['Int']['output'];
  stocktakeId: Scalars['ID']['output'];
};

/** A Stocktake in a page, with its cursor. */
export type StocktakeEdge = {
  __typename?: 'StocktakeEdge';
  /** Opaque: pass it as `after` to read the items after this one. */
  cursor: Scalars['String']['output'];
  node: Stocktake;
};

/** Events on one stocktake. */
export type StocktakeEvent = BulkLinesUpdatedEvent | EditingLocksEndedEvent | LineCountedUpdatedEvent | LineMovementAddedEvent | LineMovementDeletedEvent | LineMovementUpdatedEvent | StocktakePopulatedEvent | StocktakeStatusChangedEvent | UserEditingLineEvent | UserJoinedEvent | UserLeftEvent | UserStoppedEditingLineEvent;

export type StocktakeLine = {
  __typename?: 'StocktakeLine';
  adjustments: Scalars['Decimal']['output'];
  categoryCode: Scalars['String']['output'];
  categoryName: Scalars['String']['output'];
  /** When counts were last entered; null until the line is counted (not the same as a zero count). */
  countedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who last entered counts; null until the line is counted. */
  countedBy?: Maybe<User>;
  countedDisplayFullUnits: Scalars['String']['output'];
  countedDisplayPartialUnits: Scalars['String']['output'];
  /** Kegs, cases or bottles counted. */
  countedFullUnits: Scalars['Decimal']['output'];
  /** Pints or loose bottles (draught, Doz, LT sizes) or a fraction of a bottle (others). */
  countedPartialUnits: Scalars['Decimal']['output'];
  countedQty: Scalars['Decimal']['output'];
  countedValue: Scalars['Decimal']['output'];
  expectedDisplayFullUnits: Scalars['String']['output'];
  expectedDisplayPartialUnits: Scalars['String']['output'];
  /** opening + purchases − waste. */
  expectedQty: Scalars['Decimal']['output'];
  expectedValue: Scalars['Decimal']['output'];
  id: Scalars['ID']['output'];
  itemId: Scalars['ID']['output'];
  itemName: Scalars['String']['output'];
  itemSize: Scalars['String']['output'];
  itemSku: Scalars['String']['output'];
  /** Servings per full unit. */
  itemUom: Scalars['Decimal']['output'];
  /** Optional EUR override entered by hand. */
  manualPurchasesValue?: Maybe<Scalars['Decimal']['output']>;
  openingDisplayFullUnits: Scalars['String']['output'];
  openingDisplayPartialUnits: Scalars['String']['output'];
  /** Servings on hand at the start of the period. */
  openingQty: Scalars['Decimal']['output'];
  purchases: Scalars['Decimal']['output'];
  /** SALE movements in the period (display only). */
  salesQty: Scalars['Decimal']['output'];
  stocktakeId: Scalars['ID']['output'];
  transfersIn: Scalars['Decimal']['output'];
  transfersOut: Scalars['Decimal']['output'];
  /** Cost per serving, fixed when the line was created. */
  valuationCost: Scalars['Decimal']['output'];
  varianceDisplayFullUnits: Scalars['String']['output'];
  varianceDisplayPartialUnits: Scalars['String']['output'];
  /** counted − expected; negative is a shortage. */
  varianceQty: Scalars['Decimal']['output'];
  varianceValue: Scalars['Decimal']['output'];
  /** Changes with every update; send it back as expectedVersion. */
  version: Scalars['Int']['output'];
  waste: Scalars['Decimal']['output'];
};

/** A page of StocktakeLine items (Relay-style connection). */
export type StocktakeLineConnection = {
  __typename?: 'StocktakeLineConnection';
  edges: Array<StocktakeLineEdge>;
  /** The nodes of `edges`, for clients that need no cursors. */
  nodes: Array<StocktakeLine>;
  pageInfo: PageInfo;
};

/** A StocktakeLine in a page, with its cursor. */
export type StocktakeLineEdge = {
  __typename?: 'StocktakeLineEdge';
  /** Opaque: pass it as `after` to read the items after this one. */
  cursor: Scalars['String']['output'];
  node: StocktakeLine;
};

/** Events on a hotel's stocktake list. */
export type StocktakeListEvent = StocktakeCreatedEvent | StocktakeDeletedEvent | StocktakeStatusChangedEvent;

export type StocktakePopulatedEvent = RealtimeEvent & {
  __typename?: 'StocktakePopulatedEvent';
  actor: EventActor;
  /** The channel this copy of the event belongs to. */
  channel: Scalars['String']['output'];
  /** The epoch of the channel history the sequence counts in: it changes when the history cannot continue (a restore, a reset). Pass it back with afterSequence. */
  epoch: Scalars['String']['output'];
  /** Identifies the event; the same on every channel it was sent to. */
  eventId: Scalars['ID']['output'];
  linesCreated: Scalars['Int']['output'];
  message: Scalars['String']['output'];
  /** The Pusher event name, e.g. line-counted-updated. */
  name: Scalars['String']['output'];
  occurredAt: Scalars['DateTime']['output'];
  /** Position on the channel within its epoch: 1, 2, 3… in commit order, with no gaps. */
  sequence: Scalars['Int']['output'];
  stocktakeId: Scalars['ID']['output'];
};

/** How far the count has got. Value and variance are over counted lines only: an uncounted line is not a zero count. */
export type StocktakeProgress = {
  __typename?: 'StocktakeProgress';
  /** Lines with a count (countedAt set). */
  countedLines: Scalars['Int']['output'];
  /** Σ counted value of the counted lines. */
  countedValue: Scalars['Decimal']['output'];
  totalLines: Scalars['Int']['output'];
  /** Σ variance value of the counted lines only. */
  varianceValueCounted: Scalars['Decimal']['output'];
};

/** DRAFT stocktakes can be edited; APPROVED ones are locked. */
export type StocktakeStatus =
  | 'APPROVED'
  | 'DRAFT';

export type StocktakeStatusChangedEvent = RealtimeEvent & {
  __typename?: 'StocktakeStatusChangedEvent';
  actor: EventActor;
  adjustmentsCreated: Scalars['Int']['output'];
  /** The channel this copy of the event belongs to. */
  channel: Scalars['String']['output'];
  /** The epoch of the channel history the sequence counts in: it changes when the history cannot continue (a restore, a reset). Pass it back with afterSequence. */
  epoch: Scalars['String']['output'];
  /** Identifies the event; the same on every channel it was sent to. */
  eventId: Scalars['ID']['output'];
  /** The Pusher event name, e.g. line-counted-updated. */
  name: Scalars['String']['output'];
  occurredAt: Scalars['DateTime']['output'];
  /** Position on the channel within its epoch: 1, 2, 3… in commit order, with no gaps. */
  sequence: Scalars['Int']['output'];
  status: StocktakeStatus;
  stocktake: Stocktake;
  stocktakeId: Scalars['ID']['output'];
  /** Lines without a count at this change: on approval, the lines approved uncounted. Null only on events recorded before it was added. */
  uncountedLines?: Maybe<Scalars['Int']['output']>;
};

export type Subscription = {
  __typename?: 'Subscription';
  /** One stocktake as it changes. With afterSequence, the stored events after it come first. */
  stocktakeEvents: StocktakeEvent;
  /** A hotel's stocktake list as it changes. With afterSequence, the stored events after it come first. */
  stocktakeListEvents: StocktakeListEvent;
};


export type SubscriptionStocktakeEventsArgs = {
  afterSequence?: InputMaybe<Scalars['Int']['input']>;
  epoch?: InputMaybe<Scalars['String']['input']>;
  stocktakeId: Scalars['ID']['input'];
};


export type SubscriptionStocktakeListEventsArgs = {
  afterSequence?: InputMaybe<Scalars['Int']['input']>;
  epoch?: InputMaybe<Scalars['String']['input']>;
  hotel: Scalars['String']['input'];
};

/** Fields to change; omitted fields stay as they are. */
export type UpdateLineMovementInput = {
  /** The line version you last saw; a newer one on the server is a CONFLICT carrying the current line. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  movementType?: InputMaybe<MovementType>;
  notes?: InputMaybe<Scalars['String']['input']>;
  quantity?: InputMaybe<Scalars['Decimal']['input']>;
  reference?: InputMaybe<Scalars['String']['input']>;
  timestamp?: InputMaybe<Scalars['DateTime']['input']>;
  unitCost?: InputMaybe<Scalars['Decimal']['input']>;
};

export type UpdateLineMovementPayload = {
  __typename?: 'UpdateLineMovementPayload';
  line: StocktakeLine;
  movement: StockMovement;
  oldValues: MovementValues;
};

/** Fields to change; omitted fields stay as they are. `active: false` deactivates the item. */
export type UpdateStockItemInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  menuPrice?: InputMaybe<Scalars['Decimal']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  size?: InputMaybe<Scalars['String']['input']>;
  sizeUnit?: InputMaybe<Scalars['String']['input']>;
  sizeValue?: InputMaybe<Scalars['Decimal']['input']>;
  unitCost?: InputMaybe<Scalars['Decimal']['input']>;
  uom?: InputMaybe<Scalars['Decimal']['input']>;
};

export type UpdateStocktakeInput = {
  notes: Scalars['String']['input'];
};

export type UpdateStocktakeLineInput = {
  /** At most 2 places, not negative. */
  countedFullUnits?: InputMaybe<Scalars['Decimal']['input']>;
  /** At most 2 places, not negative. */
  countedPartialUnits?: InputMaybe<Scalars['Decimal']['input']>;
  /** The version you last saw; a newer one on the server is a CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Pass null to clear. */
  manualPurchasesValue?: InputMaybe<Scalars['Decimal']['input']>;
};

/** A user as their token names them. */
export type User = {
  __typename?: 'User';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

/** A user took a line's lock. */
export type UserEditingLineEvent = RealtimeEvent & {
  __typename?: 'UserEditingLineEvent';
  actor: EventActor;
  /** The channel this copy of the event belongs to. */
  channel: Scalars['String']['output'];
  /** The epoch of the channel history the sequence counts in: it changes when the history cannot continue (a restore, a reset). Pass it back with afterSequence. */
  epoch: Scalars['String']['output'];
  /** Identifies the event; the same on every channel it was sent to. */
  eventId: Scalars['ID']['output'];
  expiresAt: Scalars['DateTime']['output'];
  lineId: Scalars['ID']['output'];
  /** The Pusher event name, e.g. line-counted-updated. */
  name: Scalars['String']['output'];
  occurredAt: Scalars['DateTime']['output'];
  /** Position on the channel within its epoch: 1, 2, 3… in commit order, with no gaps. */
  sequence: Scalars['Int']['output'];
  stocktakeId: Scalars['ID']['output'];
  user: EventActor;
};

/** A user's presence began. */
export type UserJoinedEvent = RealtimeEvent & {
  __typename?: 'UserJoinedEvent';
  actor: EventActor;
  /** The channel this copy of the event belongs to. */
  channel: Scalars['String']['output'];
  /** The epoch of the channel history the sequence counts in: it changes when the history cannot continue (a restore, a reset). Pass it back with afterSequence. */
  epoch: Scalars['String']['output'];
  /** Identifies the event; the same on every channel it was sent to. */
  eventId: Scalars['ID']['output'];
  /** The Pusher event name, e.g. line-counted-updated. */
  name: Scalars['String']['output'];
  occurredAt: Scalars['DateTime']['output'];
  /** Position on the channel within its epoch: 1, 2, 3… in commit order, with no gaps. */
  sequence: Scalars['Int']['output'];
  since: Scalars['DateTime']['output'];
  stocktakeId: Scalars['ID']['output'];
  user: EventActor;
};

/** A user's presence ended. */
export type UserLeftEvent = RealtimeEvent & {
  __typename?: 'UserLeftEvent';
  actor: EventActor;
  /** The channel this copy of the event belongs to. */
  channel: Scalars['String']['output'];
  /** The epoch of the channel history the sequence counts in: it changes when the history cannot continue (a restore, a reset). Pass it back with afterSequence. */
  epoch: Scalars['String']['output'];
  /** Identifies the event; the same on every channel it was sent to. */
  eventId: Scalars['ID']['output'];
  /** The Pusher event name, e.g. line-counted-updated. */
  name: Scalars['String']['output'];
  occurredAt: Scalars['DateTime']['output'];
  /** left, disconnected, timeout or instance-lost. */
  reason: Scalars['String']['output'];
  /** Position on the channel within its epoch: 1, 2, 3… in commit order, with no gaps. */
  sequence: Scalars['Int']['output'];
  stocktakeId: Scalars['ID']['output'];
  user: EventActor;
};

/** A line's lock ended. */
export type UserStoppedEditingLineEvent = RealtimeEvent & {
  __typename?: 'UserStoppedEditingLineEvent';
  actor: EventActor;
  /** The channel this copy of the event belongs to. */
  channel: Scalars['String']['output'];
  /** The epoch of the channel history the sequence counts in: it changes when the history cannot continue (a restore, a reset). Pass it back with afterSequence. */
  epoch: Scalars['String']['output'];
  /** Identifies the event; the same on every channel it was sent to. */
  eventId: Scalars['ID']['output'];
  lineId: Scalars['ID']['output'];
  /** The Pusher event name, e.g. line-counted-updated. */
  name: Scalars['String']['output'];
  occurredAt: Scalars['DateTime']['output'];
  /** released, expired, broken (by actor) or left. */
  reason: Scalars['String']['output'];
  /** Position on the channel within its epoch: 1, 2, 3… in commit order, with no gaps. */
  sequence: Scalars['Int']['output'];
  stocktakeId: Scalars['ID']['output'];
  /** Who held it. */
  user: EventActor;
};

export type ExampleStocktakesQueryVariables = Exact<{
  hotel: Scalars['String']['input'];
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ExampleStocktakesQuery = { __typename?: 'Query', stocktakes: { __typename?: 'StocktakeConnection', nodes: Array<{ __typename?: 'Stocktake', id: string, periodStart: string, periodEnd: string, status: StocktakeStatus, lineCount: number }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type ExampleStocktakeListEventsSubscriptionVariables = Exact<{
  hotel: Scalars['String']['input'];
  afterSequence?: InputMaybe<Scalars['Int']['input']>;
  epoch?: InputMaybe<Scalars['String']['input']>;
}>;


export type ExampleStocktakeListEventsSubscription = { __typename?: 'Subscription', stocktakeListEvents:
    | { __typename: 'StocktakeCreatedEvent', name: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', name: string }, stocktake: { __typename?: 'Stocktake', id: string, periodStart: string, periodEnd: string } }
    | { __typename: 'StocktakeDeletedEvent', name: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', name: string } }
    | { __typename: 'StocktakeStatusChangedEvent', name: string, epoch: string, sequence: number, occurredAt: string, status: StocktakeStatus, actor: { __typename?: 'EventActor', name: string } }
   };

export type ExampleStocktakeEventsSubscriptionVariables = Exact<{
  stocktakeId: Scalars['ID']['input'];
  afterSequence?: InputMaybe<Scalars['Int']['input']>;
  epoch?: InputMaybe<Scalars['String']['input']>;
}>;


export type ExampleStocktakeEventsSubscription = { __typename?: 'Subscription', stocktakeEvents:
    | { __typename: 'BulkLinesUpdatedEvent', name: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', name: string } }
    | { __typename: 'EditingLocksEndedEvent', name: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', name: string } }
    | { __typename: 'LineCountedUpdatedEvent', name: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', name: string }, line: { __typename?: 'StocktakeLine', id: string, itemSku: string, countedQty: string, expectedQty: string, varianceQty: string, varianceValue: string } }
    | { __typename: 'LineMovementAddedEvent', name: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', name: string } }
    | { __typename: 'LineMovementDeletedEvent', name: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', name: string } }
    | { __typename: 'LineMovementUpdatedEvent', name: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', name: string } }
    | { __typename: 'StocktakePopulatedEvent', name: string, epoch: string, sequence: number, occurredAt: string, linesCreated: number, actor: { __typename?: 'EventActor', name: string } }
    | { __typename: 'StocktakeStatusChangedEvent', name: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', name: string } }
    | { __typename: 'UserEditingLineEvent', name: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', name: string } }
    | { __typename: 'UserJoinedEvent', name: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', name: string } }
    | { __typename: 'UserLeftEvent', name: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', name: string } }
    | { __typename: 'UserStoppedEditingLineEvent', name: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', name: string } }
   };


export const ExampleStocktakesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExampleStocktakes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hotel"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stocktakes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hotel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hotel"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lineCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ExampleStocktakesQuery, ExampleStocktakesQueryVariables>;
export const ExampleStocktakeListEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ExampleStocktakeListEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hotel"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"afterSequence"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"epoch"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stocktakeListEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hotel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hotel"}}},{"kind":"Argument","name":{"kind":"Name","value":"afterSequence"},"value":{"kind":"Variable","name":{"kind":"Name","value":"afterSequence"}}},{"kind":"Argument","name":{"kind":"Name","value":"epoch"},"value":{"kind":"Variable","name":{"kind":"Name","value":"epoch"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RealtimeEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"epoch"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StocktakeCreatedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stocktake"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StocktakeStatusChangedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<ExampleStocktakeListEventsSubscription, ExampleStocktakeListEventsSubscriptionVariables>;
export const ExampleStocktakeEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ExampleStocktakeEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"stocktakeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"afterSequence"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"epoch"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stocktakeEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"stocktakeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"stocktakeId"}}},{"kind":"Argument","name":{"kind":"Name","value":"afterSequence"},"value":{"kind":"Variable","name":{"kind":"Name","value":"afterSequence"}}},{"kind":"Argument","name":{"kind":"Name","value":"epoch"},"value":{"kind":"Variable","name":{"kind":"Name","value":"epoch"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RealtimeEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"epoch"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LineCountedUpdatedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"itemSku"}},{"kind":"Field","name":{"kind":"Name","value":"countedQty"}},{"kind":"Field","name":{"kind":"Name","value":"expectedQty"}},{"kind":"Field","name":{"kind":"Name","value":"varianceQty"}},{"kind":"Field","name":{"kind":"Name","value":"varianceValue"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StocktakePopulatedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"linesCreated"}}]}}]}}]}}]} as unknown as DocumentNode<ExampleStocktakeEventsSubscription, ExampleStocktakeEventsSubscriptionVariables>;