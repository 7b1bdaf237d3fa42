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

export type JoinStocktakeMutationVariables = Exact<{
  stocktakeId: Scalars['ID']['input'];
}>;


export type JoinStocktakeMutation = { __typename?: 'Mutation', joinStocktake: Array<{ __typename?: 'PresentUser', since: string, editingLineIds: Array<string>, user: { __typename?: 'EventActor', id: string, name: string } }> };

export type LeaveStocktakeMutationVariables = Exact<{
  stocktakeId: Scalars['ID']['input'];
}>;


export type LeaveStocktakeMutation = { __typename?: 'Mutation', leaveStocktake: boolean };

export type PresenceQueryVariables = Exact<{
  stocktakeId: Scalars['ID']['input'];
}>;


export type PresenceQuery = { __typename?: 'Query', presence: Array<{ __typename?: 'PresentUser', since: string, editingLineIds: Array<string>, user: { __typename?: 'EventActor', id: string, name: string } }> };

export type PresentUserFieldsFragment = { __typename?: 'PresentUser', since: string, editingLineIds: Array<string>, user: { __typename?: 'EventActor', id: string, name: string } };

export type StartEditingLineMutationVariables = Exact<{
  lineId: Scalars['ID']['input'];
}>;


export type StartEditingLineMutation = { __typename?: 'Mutation', startEditingLine: { __typename?: 'LineLock', lineId: string, stocktakeId: string, expiresAt: string, user: { __typename?: 'EventActor', id: string, name: string } } };

export type StopEditingLineMutationVariables = Exact<{
  lineId: Scalars['ID']['input'];
}>;


export type StopEditingLineMutation = { __typename?: 'Mutation', stopEditingLine: boolean };

export type BreakLineLockMutationVariables = Exact<{
  lineId: Scalars['ID']['input'];
}>;


export type BreakLineLockMutation = { __typename?: 'Mutation', breakLineLock: boolean };

export type BreakUserLocksMutationVariables = Exact<{
  stocktakeId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
}>;


export type BreakUserLocksMutation = { __typename?: 'Mutation', breakUserLocks: number };

export type UpdateStocktakeLinesMutationVariables = Exact<{
  stocktakeId: Scalars['ID']['input'];
  lines: Array<BulkLineCountInput> | BulkLineCountInput;
}>;


export type UpdateStocktakeLinesMutation = { __typename?: 'Mutation', updateStocktakeLines: Array<{ __typename?: 'StocktakeLine', id: string, stocktakeId: string, itemId: string, itemSku: string, itemName: string, categoryCode: string, categoryName: string, itemSize: string, itemUom: string, openingQty: string, purchases: string, salesQty: string, waste: string, transfersIn: string, transfersOut: string, adjustments: string, manualPurchasesValue?: string | null, countedFullUnits: string, countedPartialUnits: string, countedQty: string, expectedQty: string, varianceQty: string, openingDisplayFullUnits: string, openingDisplayPartialUnits: string, expectedDisplayFullUnits: string, expectedDisplayPartialUnits: string, countedDisplayFullUnits: string, countedDisplayPartialUnits: string, varianceDisplayFullUnits: string, varianceDisplayPartialUnits: string, valuationCost: string, expectedValue: string, countedValue: string, varianceValue: string, countedAt?: string | null, version: number, countedBy?: { __typename?: 'User', id: string, name: string } | null }> };

export type DeleteLineMovementAtVersionMutationVariables = Exact<{
  lineId: Scalars['ID']['input'];
  movementId: Scalars['ID']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
}>;


export type DeleteLineMovementAtVersionMutation = { __typename?: 'Mutation', deleteLineMovement: { __typename?: 'DeleteLineMovementPayload', deletedMovementId: string, line: { __typename?: 'StocktakeLine', id: string, stocktakeId: string, itemId: string, itemSku: string, itemName: string, categoryCode: string, categoryName: string, itemSize: string, itemUom: string, openingQty: string, purchases: string, salesQty: string, waste: string, transfersIn: string, transfersOut: string, adjustments: string, manualPurchasesValue?: string | null, countedFullUnits: string, countedPartialUnits: string, countedQty: string, expectedQty: string, varianceQty: string, openingDisplayFullUnits: string, openingDisplayPartialUnits: string, expectedDisplayFullUnits: string, expectedDisplayPartialUnits: string, countedDisplayFullUnits: string, countedDisplayPartialUnits: string, varianceDisplayFullUnits: string, varianceDisplayPartialUnits: string, valuationCost: string, expectedValue: string, countedValue: string, varianceValue: string, countedAt?: string | null, version: number, countedBy?: { __typename?: 'User', id: string, name: string } | null } } };

export type CollaborationEventsSubscriptionVariables = Exact<{
  stocktakeId: Scalars['ID']['input'];
  afterSequence?: InputMaybe<Scalars['Int']['input']>;
}>;


export type CollaborationEventsSubscription = { __typename?: 'Subscription', stocktakeEvents:
    | { __typename: 'BulkLinesUpdatedEvent', stocktakeId: string, linesUpdated: number, eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, lines: Array<{ __typename?: 'StocktakeLine', id: string, countedFullUnits: string, version: number }>, actor: { __typename?: 'EventActor', id: string, name: string } }
    | { __typename: 'EditingLocksEndedEvent', stocktakeId: string, reason: string, lineIds: Array<string>, eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, locks: Array<{ __typename?: 'EndedLineLock', lineId: string, user: { __typename?: 'EventActor', id: string, name: string } }>, actor: { __typename?: 'EventActor', id: string, name: string } }
    | { __typename: 'LineCountedUpdatedEvent', lineId: string, eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, line: { __typename?: 'StocktakeLine', id: string, countedFullUnits: string, version: number }, actor: { __typename?: 'EventActor', id: string, name: string } }
    | { __typename: 'LineMovementAddedEvent', lineId: string, eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, movement: { __typename?: 'StockMovement', id: string, quantity: string }, actor: { __typename?: 'EventActor', id: string, name: string } }
    | { __typename: 'LineMovementDeletedEvent', eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', id: string, name: string } }
    | { __typename: 'LineMovementUpdatedEvent', eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', id: string, name: string } }
    | { __typename: 'StocktakePopulatedEvent', eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', id: string, name: string } }
    | { __typename: 'StocktakeStatusChangedEvent', stocktakeId: string, status: StocktakeStatus, adjustmentsCreated: number, eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', id: string, name: string } }
    | { __typename: 'UserEditingLineEvent', stocktakeId: string, lineId: string, expiresAt: string, eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, user: { __typename?: 'EventActor', id: string, name: string }, actor: { __typename?: 'EventActor', id: string, name: string } }
    | { __typename: 'UserJoinedEvent', stocktakeId: string, since: string, eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, user: { __typename?: 'EventActor', id: string, name: string }, actor: { __typename?: 'EventActor', id: string, name: string } }
    | { __typename: 'UserLeftEvent', stocktakeId: string, reason: string, eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, user: { __typename?: 'EventActor', id: string, name: string }, actor: { __typename?: 'EventActor', id: string, name: string } }
    | { __typename: 'UserStoppedEditingLineEvent', stocktakeId: string, lineId: string, reason: string, eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, user: { __typename?: 'EventActor', id: string, name: string }, actor: { __typename?: 'EventActor', id: string, name: string } }
   };

export type LineFieldsFragment = { __typename?: 'StocktakeLine', id: string, stocktakeId: string, itemId: string, itemSku: string, itemName: string, categoryCode: string, categoryName: string, itemSize: string, itemUom: string, openingQty: string, purchases: string, salesQty: string, waste: string, transfersIn: string, transfersOut: string, adjustments: string, manualPurchasesValue?: string | null, countedFullUnits: string, countedPartialUnits: string, countedQty: string, expectedQty: string, varianceQty: string, openingDisplayFullUnits: string, openingDisplayPartialUnits: string, expectedDisplayFullUnits: string, expectedDisplayPartialUnits: string, countedDisplayFullUnits: string, countedDisplayPartialUnits: string, varianceDisplayFullUnits: string, varianceDisplayPartialUnits: string, valuationCost: string, expectedValue: string, countedValue: string, varianceValue: string, countedAt?: string | null, version: number, countedBy?: { __typename?: 'User', id: string, name: string } | null };

export type StocktakeFieldsFragment = { __typename?: 'Stocktake', id: string, hotel: string, periodStart: string, periodEnd: string, status: StocktakeStatus, isLocked: boolean, notes: string, createdAt: string, approvedAt?: string | null, approvedById?: string | null, approvedByName?: string | null, lineCount: number, totalValue: string, totalVarianceValue: string };

export type MovementFieldsFragment = { __typename?: 'StockMovement', id: string, itemId: string, itemSku: string, movementType: MovementType, quantity: string, unitCost?: string | null, reference: string, notes: string, staffId?: string | null, staffName?: string | null, timestamp: string };

export type StockItemFieldsFragment = { __typename?: 'StockItem', id: string, sku: string, name: string, categoryCode: string, categoryName: string, size: string, sizeValue?: string | null, sizeUnit: string, uom: string, unitCost: string, costPerServing: string, menuPrice?: string | null, active: boolean };

export type MovementValuesFieldsFragment = { __typename?: 'MovementValues', movementType: MovementType, quantity: string, unitCost?: string | null, reference: string, notes: string };

export type CreateStocktakeMutationVariables = Exact<{
  hotel: Scalars['String']['input'];
  input: CreateStocktakeInput;
}>;


export type CreateStocktakeMutation = { __typename?: 'Mutation', createStocktake: { __typename?: 'Stocktake', id: string, hotel: string, periodStart: string, periodEnd: string, status: StocktakeStatus, isLocked: boolean, notes: string, createdAt: string, approvedAt?: string | null, approvedById?: string | null, approvedByName?: string | null, lineCount: number, totalValue: string, totalVarianceValue: string } };

export type UpdateStocktakeMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: UpdateStocktakeInput;
}>;


export type UpdateStocktakeMutation = { __typename?: 'Mutation', updateStocktake: { __typename?: 'Stocktake', id: string, hotel: string, periodStart: string, periodEnd: string, status: StocktakeStatus, isLocked: boolean, notes: string, createdAt: string, approvedAt?: string | null, approvedById?: string | null, approvedByName?: string | null, lineCount: number, totalValue: string, totalVarianceValue: string } };

export type DeleteStocktakeMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteStocktakeMutation = { __typename?: 'Mutation', deleteStocktake: string };

export type PopulateStocktakeMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type PopulateStocktakeMutation = { __typename?: 'Mutation', populateStocktake: { __typename?: 'PopulateStocktakePayload', linesCreated: number, stocktake: { __typename?: 'Stocktake', id: string, hotel: string, periodStart: string, periodEnd: string, status: StocktakeStatus, isLocked: boolean, notes: string, createdAt: string, approvedAt?: string | null, approvedById?: string | null, approvedByName?: string | null, lineCount: number, totalValue: string, totalVarianceValue: string } } };

export type ApproveStocktakeMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ApproveStocktakeMutation = { __typename?: 'Mutation', approveStocktake: { __typename?: 'ApproveStocktakePayload', adjustmentsCreated: number, stocktake: { __typename?: 'Stocktake', id: string, hotel: string, periodStart: string, periodEnd: string, status: StocktakeStatus, isLocked: boolean, notes: string, createdAt: string, approvedAt?: string | null, approvedById?: string | null, approvedByName?: string | null, lineCount: number, totalValue: string, totalVarianceValue: string } } };

export type ReopenStocktakeMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ReopenStocktakeMutation = { __typename?: 'Mutation', reopenStocktake: { __typename?: 'ReopenStocktakePayload', adjustmentsRemoved: number, stocktake: { __typename?: 'Stocktake', id: string, hotel: string, periodStart: string, periodEnd: string, status: StocktakeStatus, isLocked: boolean, notes: string, createdAt: string, approvedAt?: string | null, approvedById?: string | null, approvedByName?: string | null, lineCount: number, totalValue: string, totalVarianceValue: string } } };

export type UpdateStocktakeLineMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: UpdateStocktakeLineInput;
}>;


export type UpdateStocktakeLineMutation = { __typename?: 'Mutation', updateStocktakeLine: { __typename?: 'StocktakeLine', id: string, stocktakeId: string, itemId: string, itemSku: string, itemName: string, categoryCode: string, categoryName: string, itemSize: string, itemUom: string, openingQty: string, purchases: string, salesQty: string, waste: string, transfersIn: string, transfersOut: string, adjustments: string, manualPurchasesValue?: string | null, countedFullUnits: string, countedPartialUnits: string, countedQty: string, expectedQty: string, varianceQty: string, openingDisplayFullUnits: string, openingDisplayPartialUnits: string, expectedDisplayFullUnits: string, expectedDisplayPartialUnits: string, countedDisplayFullUnits: string, countedDisplayPartialUnits: string, varianceDisplayFullUnits: string, varianceDisplayPartialUnits: string, valuationCost: string, expectedValue: string, countedValue: string, varianceValue: string, countedAt?: string | null, version: number, countedBy?: { __typename?: 'User', id: string, name: string } | null } };

export type AddLineMovementMutationVariables = Exact<{
  lineId: Scalars['ID']['input'];
  input: LineMovementInput;
}>;


export type AddLineMovementMutation = { __typename?: 'Mutation', addLineMovement: { __typename?: 'LineMovementPayload', movement: { __typename?: 'StockMovement', id: string, itemId: string, itemSku: string, movementType: MovementType, quantity: string, unitCost?: string | null, reference: string, notes: string, staffId?: string | null, staffName?: string | null, timestamp: string }, line: { __typename?: 'StocktakeLine', id: string, stocktakeId: string, itemId: string, itemSku: string, itemName: string, categoryCode: string, categoryName: string, itemSize: string, itemUom: string, openingQty: string, purchases: string, salesQty: string, waste: string, transfersIn: string, transfersOut: string, adjustments: string, manualPurchasesValue?: string | null, countedFullUnits: string, countedPartialUnits: string, countedQty: string, expectedQty: string, varianceQty: string, openingDisplayFullUnits: string, openingDisplayPartialUnits: string, expectedDisplayFullUnits: string, expectedDisplayPartialUnits: string, countedDisplayFullUnits: string, countedDisplayPartialUnits: string, varianceDisplayFullUnits: string, varianceDisplayPartialUnits: string, valuationCost: string, expectedValue: string, countedValue: string, varianceValue: string, countedAt?: string | null, version: number, countedBy?: { __typename?: 'User', id: string, name: string } | null } } };

export type UpdateLineMovementMutationVariables = Exact<{
  lineId: Scalars['ID']['input'];
  movementId: Scalars['ID']['input'];
  input: UpdateLineMovementInput;
}>;


export type UpdateLineMovementMutation = { __typename?: 'Mutation', updateLineMovement: { __typename?: 'UpdateLineMovementPayload', movement: { __typename?: 'StockMovement', id: string, itemId: string, itemSku: string, movementType: MovementType, quantity: string, unitCost?: string | null, reference: string, notes: string, staffId?: string | null, staffName?: string | null, timestamp: string }, oldValues: { __typename?: 'MovementValues', movementType: MovementType, quantity: string, unitCost?: string | null, reference: string, notes: string }, line: { __typename?: 'StocktakeLine', id: string, stocktakeId: string, itemId: string, itemSku: string, itemName: string, categoryCode: string, categoryName: string, itemSize: string, itemUom: string, openingQty: string, purchases: string, salesQty: string, waste: string, transfersIn: string, transfersOut: string, adjustments: string, manualPurchasesValue?: string | null, countedFullUnits: string, countedPartialUnits: string, countedQty: string, expectedQty: string, varianceQty: string, openingDisplayFullUnits: string, openingDisplayPartialUnits: string, expectedDisplayFullUnits: string, expectedDisplayPartialUnits: string, countedDisplayFullUnits: string, countedDisplayPartialUnits: string, varianceDisplayFullUnits: string, varianceDisplayPartialUnits: string, valuationCost: string, expectedValue: string, countedValue: string, varianceValue: string, countedAt?: string | null, version: number, countedBy?: { __typename?: 'User', id: string, name: string } | null } } };

export type DeleteLineMovementMutationVariables = Exact<{
  lineId: Scalars['ID']['input'];
  movementId: Scalars['ID']['input'];
}>;


export type DeleteLineMovementMutation = { __typename?: 'Mutation', deleteLineMovement: { __typename?: 'DeleteLineMovementPayload', deletedMovementId: string, line: { __typename?: 'StocktakeLine', id: string, stocktakeId: string, itemId: string, itemSku: string, itemName: string, categoryCode: string, categoryName: string, itemSize: string, itemUom: string, openingQty: string, purchases: string, salesQty: string, waste: string, transfersIn: string, transfersOut: string, adjustments: string, manualPurchasesValue?: string | null, countedFullUnits: string, countedPartialUnits: string, countedQty: string, expectedQty: string, varianceQty: string, openingDisplayFullUnits: string, openingDisplayPartialUnits: string, expectedDisplayFullUnits: string, expectedDisplayPartialUnits: string, countedDisplayFullUnits: string, countedDisplayPartialUnits: string, varianceDisplayFullUnits: string, varianceDisplayPartialUnits: string, valuationCost: string, expectedValue: string, countedValue: string, varianceValue: string, countedAt?: string | null, version: number, countedBy?: { __typename?: 'User', id: string, name: string } | null } } };

export type CreateStockItemMutationVariables = Exact<{
  hotel: Scalars['String']['input'];
  input: CreateStockItemInput;
}>;


export type CreateStockItemMutation = { __typename?: 'Mutation', createStockItem: { __typename?: 'StockItem', id: string, sku: string, name: string, categoryCode: string, categoryName: string, size: string, sizeValue?: string | null, sizeUnit: string, uom: string, unitCost: string, costPerServing: string, menuPrice?: string | null, active: boolean } };

export type UpdateStockItemMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: UpdateStockItemInput;
}>;


export type UpdateStockItemMutation = { __typename?: 'Mutation', updateStockItem: { __typename?: 'StockItem', id: string, sku: string, name: string, categoryCode: string, categoryName: string, size: string, sizeValue?: string | null, sizeUnit: string, uom: string, unitCost: string, costPerServing: string, menuPrice?: string | null, active: boolean } };

export type ProgressFieldsFragment = { __typename?: 'StocktakeProgress', countedLines: number, totalLines: number, countedValue: string, varianceValueCounted: string };

export type CountedLineFieldsFragment = { __typename?: 'StocktakeLine', id: string, itemSku: string, countedFullUnits: string, countedPartialUnits: string, countedValue: string, varianceValue: string, countedAt?: string | null, version: number, countedBy?: { __typename?: 'User', id: string, name: string } | null };

export type HistoryFiguresFragment = { __typename?: 'LineFigures', countedFullUnits: string, countedPartialUnits: string, countedQty: string, manualPurchasesValue?: string | null, purchases: string, waste: string, salesQty: string, transfersIn: string, transfersOut: string, adjustments: string, expectedQty: string, varianceQty: string, countedValue: string, varianceValue: string };

export type StocktakeProgressQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type StocktakeProgressQuery = { __typename?: 'Query', stocktake: { __typename?: 'Stocktake', id: string, progress: { __typename?: 'StocktakeProgress', countedLines: number, totalLines: number, countedValue: string, varianceValueCounted: string }, lines: Array<{ __typename?: 'StocktakeLine', id: string, itemSku: string, countedFullUnits: string, countedPartialUnits: string, countedValue: string, varianceValue: string, countedAt?: string | null, version: number, countedBy?: { __typename?: 'User', id: string, name: string } | null }> } };

export type CountedLineQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type CountedLineQuery = { __typename?: 'Query', stocktakeLine: { __typename?: 'StocktakeLine', id: string, itemSku: string, countedFullUnits: string, countedPartialUnits: string, countedValue: string, varianceValue: string, countedAt?: string | null, version: number, countedBy?: { __typename?: 'User', id: string, name: string } | null } };

export type CountLineMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: UpdateStocktakeLineInput;
}>;


export type CountLineMutation = { __typename?: 'Mutation', updateStocktakeLine: { __typename?: 'StocktakeLine', id: string, itemSku: string, countedFullUnits: string, countedPartialUnits: string, countedValue: string, varianceValue: string, countedAt?: string | null, version: number, countedBy?: { __typename?: 'User', id: string, name: string } | null } };

export type CountLinesMutationVariables = Exact<{
  stocktakeId: Scalars['ID']['input'];
  lines: Array<BulkLineCountInput> | BulkLineCountInput;
}>;


export type CountLinesMutation = { __typename?: 'Mutation', updateStocktakeLines: Array<{ __typename?: 'StocktakeLine', id: string, itemSku: string, countedFullUnits: string, countedPartialUnits: string, countedValue: string, varianceValue: string, countedAt?: string | null, version: number, countedBy?: { __typename?: 'User', id: string, name: string } | null }> };

export type ApproveCountedMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ApproveCountedMutation = { __typename?: 'Mutation', approveStocktake: { __typename?: 'ApproveStocktakePayload', adjustmentsCreated: number, uncountedLines: number, stocktake: { __typename?: 'Stocktake', id: string, status: StocktakeStatus, progress: { __typename?: 'StocktakeProgress', countedLines: number, totalLines: number, countedValue: string, varianceValueCounted: string } } } };

export type ProgressEventsSubscriptionVariables = Exact<{
  stocktakeId: Scalars['ID']['input'];
  afterSequence?: InputMaybe<Scalars['Int']['input']>;
}>;


export type ProgressEventsSubscription = { __typename?: 'Subscription', stocktakeEvents:
    | { __typename: 'BulkLinesUpdatedEvent', sequence: number, linesUpdated: number, lines: Array<{ __typename?: 'StocktakeLine', id: string, itemSku: string, countedFullUnits: string, countedPartialUnits: string, countedValue: string, varianceValue: string, countedAt?: string | null, version: number, countedBy?: { __typename?: 'User', id: string, name: string } | null }>, progress?: { __typename?: 'StocktakeProgress', countedLines: number, totalLines: number, countedValue: string, varianceValueCounted: string } | null }
    | { __typename: 'EditingLocksEndedEvent', sequence: number }
    | { __typename: 'LineCountedUpdatedEvent', sequence: number, lineId: string, line: { __typename?: 'StocktakeLine', id: string, itemSku: string, countedFullUnits: string, countedPartialUnits: string, countedValue: string, varianceValue: string, countedAt?: string | null, version: number, countedBy?: { __typename?: 'User', id: string, name: string } | null }, progress?: { __typename?: 'StocktakeProgress', countedLines: number, totalLines: number, countedValue: string, varianceValueCounted: string } | null }
    | { __typename: 'LineMovementAddedEvent', sequence: number, lineId: string, line: { __typename?: 'StocktakeLine', id: string, itemSku: string, countedFullUnits: string, countedPartialUnits: string, countedValue: string, varianceValue: string, countedAt?: string | null, version: number, countedBy?: { __typename?: 'User', id: string, name: string } | null }, progress?: { __typename?: 'StocktakeProgress', countedLines: number, totalLines: number, countedValue: string, varianceValueCounted: string } | null }
    | { __typename: 'LineMovementDeletedEvent', sequence: number }
    | { __typename: 'LineMovementUpdatedEvent', sequence: number }
    | { __typename: 'StocktakePopulatedEvent', sequence: number }
    | { __typename: 'StocktakeStatusChangedEvent', sequence: number, status: StocktakeStatus, adjustmentsCreated: number, uncountedLines?: number | null }
    | { __typename: 'UserEditingLineEvent', sequence: number }
    | { __typename: 'UserJoinedEvent', sequence: number }
    | { __typename: 'UserLeftEvent', sequence: number }
    | { __typename: 'UserStoppedEditingLineEvent', sequence: number }
   };

export type LineHistoryQueryVariables = Exact<{
  lineId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type LineHistoryQuery = { __typename?: 'Query', lineHistory: { __typename?: 'LineHistoryEntryConnection', edges: Array<{ __typename?: 'LineHistoryEntryEdge', cursor: string, node: { __typename?: 'LineHistoryEntry', id: string, lineId: string, kind: LineChangeKind, movementId?: string | null, at: string, lineVersion: number, by: { __typename?: 'User', id: string, name: string }, before: { __typename?: 'LineFigures', countedFullUnits: string, countedPartialUnits: string, countedQty: string, manualPurchasesValue?: string | null, purchases: string, waste: string, salesQty: string, transfersIn: string, transfersOut: string, adjustments: string, expectedQty: string, varianceQty: string, countedValue: string, varianceValue: string }, after: { __typename?: 'LineFigures', countedFullUnits: string, countedPartialUnits: string, countedQty: string, manualPurchasesValue?: string | null, purchases: string, waste: string, salesQty: string, transfersIn: string, transfersOut: string, adjustments: string, expectedQty: string, varianceQty: string, countedValue: string, varianceValue: string } } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null } } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { __typename?: 'Query', me: { __typename?: 'Me', id: string, name: string, hotels: Array<{ __typename?: 'Hotel', id: string, identifier: string, name: string, timeZone: string, role: Role }> } };

export type HotelQueryVariables = Exact<{
  identifier: Scalars['String']['input'];
}>;


export type HotelQuery = { __typename?: 'Query', hotel: { __typename?: 'Hotel', id: string, identifier: string, name: string, timeZone: string, role: Role } };

export type StockItemsQueryVariables = Exact<{
  hotel: Scalars['String']['input'];
  category?: InputMaybe<Scalars['String']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  includeInactive?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type StockItemsQuery = { __typename?: 'Query', stockItems: Array<{ __typename?: 'StockItem', id: string, sku: string, name: string, categoryCode: string, categoryName: string, size: string, sizeValue?: string | null, sizeUnit: string, uom: string, unitCost: string, costPerServing: string, menuPrice?: string | null, active: boolean }> };

export type StocktakesQueryVariables = Exact<{
  hotel: Scalars['String']['input'];
  status?: InputMaybe<StocktakeStatus>;
}>;


export type StocktakesQuery = { __typename?: 'Query', stocktakes: { __typename?: 'StocktakeConnection', nodes: Array<{ __typename?: 'Stocktake', id: string, hotel: string, periodStart: string, periodEnd: string, status: StocktakeStatus, isLocked: boolean, notes: string, createdAt: string, approvedAt?: string | null, approvedById?: string | null, approvedByName?: string | null, lineCount: number, totalValue: string, totalVarianceValue: string }> } };

export type StocktakePageQueryVariables = Exact<{
  hotel: Scalars['String']['input'];
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type StocktakePageQuery = { __typename?: 'Query', stocktakes: { __typename?: 'StocktakeConnection', edges: Array<{ __typename?: 'StocktakeEdge', cursor: string, node: { __typename?: 'Stocktake', id: string, periodEnd: string, lineCount: number, totalValue: string, totalVarianceValue: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null } } };

export type StocktakesWithLinesQueryVariables = Exact<{
  hotel: Scalars['String']['input'];
}>;


export type StocktakesWithLinesQuery = { __typename?: 'Query', stocktakes: { __typename?: 'StocktakeConnection', nodes: Array<{ __typename?: 'Stocktake', id: string, lines: Array<{ __typename?: 'StocktakeLine', id: string, stocktakeId: string, expectedValue: string, varianceValue: string }> }> } };

export type StocktakeQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type StocktakeQuery = { __typename?: 'Query', stocktake: { __typename?: 'Stocktake', id: string, hotel: string, periodStart: string, periodEnd: string, status: StocktakeStatus, isLocked: boolean, notes: string, createdAt: string, approvedAt?: string | null, approvedById?: string | null, approvedByName?: string | null, lineCount: number, totalValue: string, totalVarianceValue: string, lines: Array<{ __typename?: 'StocktakeLine', id: string, stocktakeId: string, itemId: string, itemSku: string, itemName: string, categoryCode: string, categoryName: string, itemSize: string, itemUom: string, openingQty: string, purchases: string, salesQty: string, waste: string, transfersIn: string, transfersOut: string, adjustments: string, manualPurchasesValue?: string | null, countedFullUnits: string, countedPartialUnits: string, countedQty: string, expectedQty: string, varianceQty: string, openingDisplayFullUnits: string, openingDisplayPartialUnits: string, expectedDisplayFullUnits: string, expectedDisplayPartialUnits: string, countedDisplayFullUnits: string, countedDisplayPartialUnits: string, varianceDisplayFullUnits: string, varianceDisplayPartialUnits: string, valuationCost: string, expectedValue: string, countedValue: string, varianceValue: string, countedAt?: string | null, version: number, countedBy?: { __typename?: 'User', id: string, name: string } | null }> } };

export type StocktakeLineQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type StocktakeLineQuery = { __typename?: 'Query', stocktakeLine: { __typename?: 'StocktakeLine', id: string, stocktakeId: string, itemId: string, itemSku: string, itemName: string, categoryCode: string, categoryName: string, itemSize: string, itemUom: string, openingQty: string, purchases: string, salesQty: string, waste: string, transfersIn: string, transfersOut: string, adjustments: string, manualPurchasesValue?: string | null, countedFullUnits: string, countedPartialUnits: string, countedQty: string, expectedQty: string, varianceQty: string, openingDisplayFullUnits: string, openingDisplayPartialUnits: string, expectedDisplayFullUnits: string, expectedDisplayPartialUnits: string, countedDisplayFullUnits: string, countedDisplayPartialUnits: string, varianceDisplayFullUnits: string, varianceDisplayPartialUnits: string, valuationCost: string, expectedValue: string, countedValue: string, varianceValue: string, countedAt?: string | null, version: number, countedBy?: { __typename?: 'User', id: string, name: string } | null } };

export type LineMovementsQueryVariables = Exact<{
  lineId: Scalars['ID']['input'];
}>;


export type LineMovementsQuery = { __typename?: 'Query', lineMovements: Array<{ __typename?: 'StockMovement', id: string, itemId: string, itemSku: string, movementType: MovementType, quantity: string, unitCost?: string | null, reference: string, notes: string, staffId?: string | null, staffName?: string | null, timestamp: string }> };

export type CategoryTotalsQueryVariables = Exact<{
  stocktakeId: Scalars['ID']['input'];
  category?: InputMaybe<Scalars['String']['input']>;
}>;


export type CategoryTotalsQuery = { __typename?: 'Query', categoryTotals: Array<{ __typename?: 'CategoryTotals', categoryCode: string, categoryName: string, itemCount: number, openingQty: string, purchases: string, waste: string, transfersIn: string, transfersOut: string, adjustments: string, expectedQty: string, countedQty: string, varianceQty: string, expectedValue: string, countedValue: string, varianceValue: string, manualPurchasesValue: string }> };

export type StocktakeLinesPageQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type StocktakeLinesPageQuery = { __typename?: 'Query', stocktake: { __typename?: 'Stocktake', id: string, lineCount: number, linesConnection: { __typename?: 'StocktakeLineConnection', edges: Array<{ __typename?: 'StocktakeLineEdge', cursor: string, node: { __typename?: 'StocktakeLine', id: string, stocktakeId: string, itemId: string, itemSku: string, itemName: string, categoryCode: string, categoryName: string, itemSize: string, itemUom: string, openingQty: string, purchases: string, salesQty: string, waste: string, transfersIn: string, transfersOut: string, adjustments: string, manualPurchasesValue?: string | null, countedFullUnits: string, countedPartialUnits: string, countedQty: string, expectedQty: string, varianceQty: string, openingDisplayFullUnits: string, openingDisplayPartialUnits: string, expectedDisplayFullUnits: string, expectedDisplayPartialUnits: string, countedDisplayFullUnits: string, countedDisplayPartialUnits: string, varianceDisplayFullUnits: string, varianceDisplayPartialUnits: string, valuationCost: string, expectedValue: string, countedValue: string, varianceValue: string, countedAt?: string | null, version: number, countedBy?: { __typename?: 'User', id: string, name: string } | null } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null } } } };

type EventMeta_BulkLinesUpdatedEvent_Fragment = { __typename: 'BulkLinesUpdatedEvent', eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', id: string, name: string } };

type EventMeta_EditingLocksEndedEvent_Fragment = { __typename: 'EditingLocksEndedEvent', eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', id: string, name: string } };

type EventMeta_LineCountedUpdatedEvent_Fragment = { __typename: 'LineCountedUpdatedEvent', eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', id: string, name: string } };

type EventMeta_LineMovementAddedEvent_Fragment = { __typename: 'LineMovementAddedEvent', eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', id: string, name: string } };

type EventMeta_LineMovementDeletedEvent_Fragment = { __typename: 'LineMovementDeletedEvent', eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', id: string, name: string } };

type EventMeta_LineMovementUpdatedEvent_Fragment = { __typename: 'LineMovementUpdatedEvent', eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', id: string, name: string } };

type EventMeta_StocktakeCreatedEvent_Fragment = { __typename: 'StocktakeCreatedEvent', eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', id: string, name: string } };

type EventMeta_StocktakeDeletedEvent_Fragment = { __typename: 'StocktakeDeletedEvent', eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', id: string, name: string } };

type EventMeta_StocktakePopulatedEvent_Fragment = { __typename: 'StocktakePopulatedEvent', eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', id: string, name: string } };

type EventMeta_StocktakeStatusChangedEvent_Fragment = { __typename: 'StocktakeStatusChangedEvent', eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', id: string, name: string } };

type EventMeta_UserEditingLineEvent_Fragment = { __typename: 'UserEditingLineEvent', eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', id: string, name: string } };

type EventMeta_UserJoinedEvent_Fragment = { __typename: 'UserJoinedEvent', eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', id: string, name: string } };

type EventMeta_UserLeftEvent_Fragment = { __typename: 'UserLeftEvent', eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', id: string, name: string } };

type EventMeta_UserStoppedEditingLineEvent_Fragment = { __typename: 'UserStoppedEditingLineEvent', eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', id: string, name: string } };

export type EventMetaFragment =
  | EventMeta_BulkLinesUpdatedEvent_Fragment
  | EventMeta_EditingLocksEndedEvent_Fragment
  | EventMeta_LineCountedUpdatedEvent_Fragment
  | EventMeta_LineMovementAddedEvent_Fragment
  | EventMeta_LineMovementDeletedEvent_Fragment
  | EventMeta_LineMovementUpdatedEvent_Fragment
  | EventMeta_StocktakeCreatedEvent_Fragment
  | EventMeta_StocktakeDeletedEvent_Fragment
  | EventMeta_StocktakePopulatedEvent_Fragment
  | EventMeta_StocktakeStatusChangedEvent_Fragment
  | EventMeta_UserEditingLineEvent_Fragment
  | EventMeta_UserJoinedEvent_Fragment
  | EventMeta_UserLeftEvent_Fragment
  | EventMeta_UserStoppedEditingLineEvent_Fragment
;

export type StocktakeListEventsSubscriptionVariables = Exact<{
  hotel: Scalars['String']['input'];
  afterSequence?: InputMaybe<Scalars['Int']['input']>;
  epoch?: InputMaybe<Scalars['String']['input']>;
}>;


export type StocktakeListEventsSubscription = { __typename?: 'Subscription', stocktakeListEvents:
    | { __typename: 'StocktakeCreatedEvent', eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, stocktake: { __typename?: 'Stocktake', id: string, hotel: string, periodStart: string, periodEnd: string, status: StocktakeStatus, isLocked: boolean, notes: string, createdAt: string, approvedAt?: string | null, approvedById?: string | null, approvedByName?: string | null, lineCount: number, totalValue: string, totalVarianceValue: string }, actor: { __typename?: 'EventActor', id: string, name: string } }
    | { __typename: 'StocktakeDeletedEvent', stocktakeId: string, eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', id: string, name: string } }
    | { __typename: 'StocktakeStatusChangedEvent', stocktakeId: string, status: StocktakeStatus, adjustmentsCreated: number, eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, stocktake: { __typename?: 'Stocktake', id: string, hotel: string, periodStart: string, periodEnd: string, status: StocktakeStatus, isLocked: boolean, notes: string, createdAt: string, approvedAt?: string | null, approvedById?: string | null, approvedByName?: string | null, lineCount: number, totalValue: string, totalVarianceValue: string }, actor: { __typename?: 'EventActor', id: string, name: string } }
   };

export type StocktakeEventsSubscriptionVariables = Exact<{
  stocktakeId: Scalars['ID']['input'];
  afterSequence?: InputMaybe<Scalars['Int']['input']>;
  epoch?: InputMaybe<Scalars['String']['input']>;
}>;


export type StocktakeEventsSubscription = { __typename?: 'Subscription', stocktakeEvents:
    | { __typename: 'BulkLinesUpdatedEvent', eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', id: string, name: string } }
    | { __typename: 'EditingLocksEndedEvent', eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', id: string, name: string } }
    | { __typename: 'LineCountedUpdatedEvent', lineId: string, itemSku: string, eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, line: { __typename?: 'StocktakeLine', id: string, stocktakeId: string, itemId: string, itemSku: string, itemName: string, categoryCode: string, categoryName: string, itemSize: string, itemUom: string, openingQty: string, purchases: string, salesQty: string, waste: string, transfersIn: string, transfersOut: string, adjustments: string, manualPurchasesValue?: string | null, countedFullUnits: string, countedPartialUnits: string, countedQty: string, expectedQty: string, varianceQty: string, openingDisplayFullUnits: string, openingDisplayPartialUnits: string, expectedDisplayFullUnits: string, expectedDisplayPartialUnits: string, countedDisplayFullUnits: string, countedDisplayPartialUnits: string, varianceDisplayFullUnits: string, varianceDisplayPartialUnits: string, valuationCost: string, expectedValue: string, countedValue: string, varianceValue: string, countedAt?: string | null, version: number, countedBy?: { __typename?: 'User', id: string, name: string } | null }, actor: { __typename?: 'EventActor', id: string, name: string } }
    | { __typename: 'LineMovementAddedEvent', lineId: string, itemSku: string, eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, movement: { __typename?: 'StockMovement', id: string, itemId: string, itemSku: string, movementType: MovementType, quantity: string, unitCost?: string | null, reference: string, notes: string, staffId?: string | null, staffName?: string | null, timestamp: string }, line: { __typename?: 'StocktakeLine', id: string, stocktakeId: string, itemId: string, itemSku: string, itemName: string, categoryCode: string, categoryName: string, itemSize: string, itemUom: string, openingQty: string, purchases: string, salesQty: string, waste: string, transfersIn: string, transfersOut: string, adjustments: string, manualPurchasesValue?: string | null, countedFullUnits: string, countedPartialUnits: string, countedQty: string, expectedQty: string, varianceQty: string, openingDisplayFullUnits: string, openingDisplayPartialUnits: string, expectedDisplayFullUnits: string, expectedDisplayPartialUnits: string, countedDisplayFullUnits: string, countedDisplayPartialUnits: string, varianceDisplayFullUnits: string, varianceDisplayPartialUnits: string, valuationCost: string, expectedValue: string, countedValue: string, varianceValue: string, countedAt?: string | null, version: number, countedBy?: { __typename?: 'User', id: string, name: string } | null }, actor: { __typename?: 'EventActor', id: string, name: string } }
    | { __typename: 'LineMovementDeletedEvent', lineId: string, itemSku: string, deletedMovementId: string, eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, line: { __typename?: 'StocktakeLine', id: string, stocktakeId: string, itemId: string, itemSku: string, itemName: string, categoryCode: string, categoryName: string, itemSize: string, itemUom: string, openingQty: string, purchases: string, salesQty: string, waste: string, transfersIn: string, transfersOut: string, adjustments: string, manualPurchasesValue?: string | null, countedFullUnits: string, countedPartialUnits: string, countedQty: string, expectedQty: string, varianceQty: string, openingDisplayFullUnits: string, openingDisplayPartialUnits: string, expectedDisplayFullUnits: string, expectedDisplayPartialUnits: string, countedDisplayFullUnits: string, countedDisplayPartialUnits: string, varianceDisplayFullUnits: string, varianceDisplayPartialUnits: string, valuationCost: string, expectedValue: string, countedValue: string, varianceValue: string, countedAt?: string | null, version: number, countedBy?: { __typename?: 'User', id: string, name: string } | null }, actor: { __typename?: 'EventActor', id: string, name: string } }
    | { __typename: 'LineMovementUpdatedEvent', lineId: string, itemSku: string, eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, movement: { __typename?: 'StockMovement', id: string, itemId: string, itemSku: string, movementType: MovementType, quantity: string, unitCost?: string | null, reference: string, notes: string, staffId?: string | null, staffName?: string | null, timestamp: string }, oldValues: { __typename?: 'MovementValues', movementType: MovementType, quantity: string, unitCost?: string | null, reference: string, notes: string }, line: { __typename?: 'StocktakeLine', id: string, stocktakeId: string, itemId: string, itemSku: string, itemName: string, categoryCode: string, categoryName: string, itemSize: string, itemUom: string, openingQty: string, purchases: string, salesQty: string, waste: string, transfersIn: string, transfersOut: string, adjustments: string, manualPurchasesValue?: string | null, countedFullUnits: string, countedPartialUnits: string, countedQty: string, expectedQty: string, varianceQty: string, openingDisplayFullUnits: string, openingDisplayPartialUnits: string, expectedDisplayFullUnits: string, expectedDisplayPartialUnits: string, countedDisplayFullUnits: string, countedDisplayPartialUnits: string, varianceDisplayFullUnits: string, varianceDisplayPartialUnits: string, valuationCost: string, expectedValue: string, countedValue: string, varianceValue: string, countedAt?: string | null, version: number, countedBy?: { __typename?: 'User', id: string, name: string } | null }, actor: { __typename?: 'EventActor', id: string, name: string } }
    | { __typename: 'StocktakePopulatedEvent', stocktakeId: string, linesCreated: number, message: string, eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', id: string, name: string } }
    | { __typename: 'StocktakeStatusChangedEvent', stocktakeId: string, status: StocktakeStatus, adjustmentsCreated: number, eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, stocktake: { __typename?: 'Stocktake', id: string, hotel: string, periodStart: string, periodEnd: string, status: StocktakeStatus, isLocked: boolean, notes: string, createdAt: string, approvedAt?: string | null, approvedById?: string | null, approvedByName?: string | null, lineCount: number, totalValue: string, totalVarianceValue: string }, actor: { __typename?: 'EventActor', id: string, name: string } }
    | { __typename: 'UserEditingLineEvent', eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', id: string, name: string } }
    | { __typename: 'UserJoinedEvent', eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', id: string, name: string } }
    | { __typename: 'UserLeftEvent', eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', id: string, name: string } }
    | { __typename: 'UserStoppedEditingLineEvent', eventId: string, name: string, channel: string, epoch: string, sequence: number, occurredAt: string, actor: { __typename?: 'EventActor', id: string, name: string } }
   };

export type ChannelEventsQueryVariables = Exact<{
  channel: Scalars['String']['input'];
  afterSequence?: InputMaybe<Scalars['Int']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  epoch?: InputMaybe<Scalars['String']['input']>;
}>;


export type ChannelEventsQuery = { __typename?: 'Query', channelEvents: Array<{ __typename?: 'ChannelEvent', name: string, channel: string, epoch: string, sequence: number, eventId: string, occurredAt: string, payload: any }> };

export type RelayStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type RelayStatusQuery = { __typename?: 'Query', relayStatus: { __typename?: 'RelayStatus', leader: boolean, backlog: number, oldestPendingAgeSeconds?: number | null, deadLettered: number, pausedUntil?: string | null, lastError?: string | null } };

export type DeadLetteredEventsQueryVariables = Exact<{
  hotel: Scalars['String']['input'];
}>;


export type DeadLetteredEventsQuery = { __typename?: 'Query', deadLetteredEvents: Array<{ __typename?: 'DeadLetteredEvent', eventId: string, name: string, channel: string, sequence: number, reason: string, deadLetteredAt: string }> };

export type RequeueDeadLettersMutationVariables = Exact<{
  hotel: Scalars['String']['input'];
}>;


export type RequeueDeadLettersMutation = { __typename?: 'Mutation', requeueDeadLetters: number };

export type HotelsQueryVariables = Exact<{ [key: string]: never; }>;


export type HotelsQuery = { __typename?: 'Query', hotels: Array<{ __typename?: 'Hotel', id: string, identifier: string, name: string, timeZone: string, role: Role }> };

export const PresentUserFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PresentUserFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PresentUser"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"editingLineIds"}}]}}]} as unknown as DocumentNode<PresentUserFieldsFragment, unknown>;
export const LineFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LineFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StocktakeLine"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stocktakeId"}},{"kind":"Field","name":{"kind":"Name","value":"itemId"}},{"kind":"Field","name":{"kind":"Name","value":"itemSku"}},{"kind":"Field","name":{"kind":"Name","value":"itemName"}},{"kind":"Field","name":{"kind":"Name","value":"categoryCode"}},{"kind":"Field","name":{"kind":"Name","value":"categoryName"}},{"kind":"Field","name":{"kind":"Name","value":"itemSize"}},{"kind":"Field","name":{"kind":"Name","value":"itemUom"}},{"kind":"Field","name":{"kind":"Name","value":"openingQty"}},{"kind":"Field","name":{"kind":"Name","value":"purchases"}},{"kind":"Field","name":{"kind":"Name","value":"salesQty"}},{"kind":"Field","name":{"kind":"Name","value":"waste"}},{"kind":"Field","name":{"kind":"Name","value":"transfersIn"}},{"kind":"Field","name":{"kind":"Name","value":"transfersOut"}},{"kind":"Field","name":{"kind":"Name","value":"adjustments"}},{"kind":"Field","name":{"kind":"Name","value":"manualPurchasesValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedQty"}},{"kind":"Field","name":{"kind":"Name","value":"expectedQty"}},{"kind":"Field","name":{"kind":"Name","value":"varianceQty"}},{"kind":"Field","name":{"kind":"Name","value":"openingDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"openingDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"expectedDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"expectedDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"varianceDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"varianceDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"valuationCost"}},{"kind":"Field","name":{"kind":"Name","value":"expectedValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedValue"}},{"kind":"Field","name":{"kind":"Name","value":"varianceValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedAt"}},{"kind":"Field","name":{"kind":"Name","value":"countedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<LineFieldsFragment, unknown>;
export const StocktakeFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StocktakeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Stocktake"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hotel"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"isLocked"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"approvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"approvedById"}},{"kind":"Field","name":{"kind":"Name","value":"approvedByName"}},{"kind":"Field","name":{"kind":"Name","value":"lineCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalValue"}},{"kind":"Field","name":{"kind":"Name","value":"totalVarianceValue"}}]}}]} as unknown as DocumentNode<StocktakeFieldsFragment, unknown>;
export const MovementFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MovementFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StockMovement"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"itemId"}},{"kind":"Field","name":{"kind":"Name","value":"itemSku"}},{"kind":"Field","name":{"kind":"Name","value":"movementType"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitCost"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"staffName"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}}]}}]} as unknown as DocumentNode<MovementFieldsFragment, unknown>;
export const StockItemFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StockItemFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StockItem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"categoryCode"}},{"kind":"Field","name":{"kind":"Name","value":"categoryName"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"sizeValue"}},{"kind":"Field","name":{"kind":"Name","value":"sizeUnit"}},{"kind":"Field","name":{"kind":"Name","value":"uom"}},{"kind":"Field","name":{"kind":"Name","value":"unitCost"}},{"kind":"Field","name":{"kind":"Name","value":"costPerServing"}},{"kind":"Field","name":{"kind":"Name","value":"menuPrice"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]} as unknown as DocumentNode<StockItemFieldsFragment, unknown>;
export const MovementValuesFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MovementValuesFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MovementValues"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"movementType"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitCost"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}}]}}]} as unknown as DocumentNode<MovementValuesFieldsFragment, unknown>;
export const ProgressFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgressFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StocktakeProgress"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"countedLines"}},{"kind":"Field","name":{"kind":"Name","value":"totalLines"}},{"kind":"Field","name":{"kind":"Name","value":"countedValue"}},{"kind":"Field","name":{"kind":"Name","value":"varianceValueCounted"}}]}}]} as unknown as DocumentNode<ProgressFieldsFragment, unknown>;
export const CountedLineFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CountedLineFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StocktakeLine"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"itemSku"}},{"kind":"Field","name":{"kind":"Name","value":"countedFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedValue"}},{"kind":"Field","name":{"kind":"Name","value":"varianceValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedAt"}},{"kind":"Field","name":{"kind":"Name","value":"countedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<CountedLineFieldsFragment, unknown>;
export const HistoryFiguresFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HistoryFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LineFigures"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"countedFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedQty"}},{"kind":"Field","name":{"kind":"Name","value":"manualPurchasesValue"}},{"kind":"Field","name":{"kind":"Name","value":"purchases"}},{"kind":"Field","name":{"kind":"Name","value":"waste"}},{"kind":"Field","name":{"kind":"Name","value":"salesQty"}},{"kind":"Field","name":{"kind":"Name","value":"transfersIn"}},{"kind":"Field","name":{"kind":"Name","value":"transfersOut"}},{"kind":"Field","name":{"kind":"Name","value":"adjustments"}},{"kind":"Field","name":{"kind":"Name","value":"expectedQty"}},{"kind":"Field","name":{"kind":"Name","value":"varianceQty"}},{"kind":"Field","name":{"kind":"Name","value":"countedValue"}},{"kind":"Field","name":{"kind":"Name","value":"varianceValue"}}]}}]} as unknown as DocumentNode<HistoryFiguresFragment, unknown>;
export const EventMetaFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EventMeta"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RealtimeEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"epoch"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<EventMetaFragment, unknown>;
export const JoinStocktakeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"JoinStocktake"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"stocktakeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"joinStocktake"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"stocktakeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"stocktakeId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PresentUserFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PresentUserFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PresentUser"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"editingLineIds"}}]}}]} as unknown as DocumentNode<JoinStocktakeMutation, JoinStocktakeMutationVariables>;
export const LeaveStocktakeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LeaveStocktake"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"stocktakeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leaveStocktake"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"stocktakeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"stocktakeId"}}}]}]}}]} as unknown as DocumentNode<LeaveStocktakeMutation, LeaveStocktakeMutationVariables>;
export const PresenceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Presence"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"stocktakeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"presence"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"stocktakeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"stocktakeId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PresentUserFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PresentUserFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PresentUser"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"editingLineIds"}}]}}]} as unknown as DocumentNode<PresenceQuery, PresenceQueryVariables>;
export const StartEditingLineDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartEditingLine"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"lineId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startEditingLine"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"lineId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"lineId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lineId"}},{"kind":"Field","name":{"kind":"Name","value":"stocktakeId"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<StartEditingLineMutation, StartEditingLineMutationVariables>;
export const StopEditingLineDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StopEditingLine"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"lineId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stopEditingLine"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"lineId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"lineId"}}}]}]}}]} as unknown as DocumentNode<StopEditingLineMutation, StopEditingLineMutationVariables>;
export const BreakLineLockDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BreakLineLock"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"lineId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"breakLineLock"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"lineId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"lineId"}}}]}]}}]} as unknown as DocumentNode<BreakLineLockMutation, BreakLineLockMutationVariables>;
export const BreakUserLocksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BreakUserLocks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"stocktakeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"breakUserLocks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"stocktakeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"stocktakeId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}]}]}}]} as unknown as DocumentNode<BreakUserLocksMutation, BreakUserLocksMutationVariables>;
export const UpdateStocktakeLinesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateStocktakeLines"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"stocktakeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"lines"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BulkLineCountInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateStocktakeLines"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"stocktakeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"stocktakeId"}}},{"kind":"Argument","name":{"kind":"Name","value":"lines"},"value":{"kind":"Variable","name":{"kind":"Name","value":"lines"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LineFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LineFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StocktakeLine"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stocktakeId"}},{"kind":"Field","name":{"kind":"Name","value":"itemId"}},{"kind":"Field","name":{"kind":"Name","value":"itemSku"}},{"kind":"Field","name":{"kind":"Name","value":"itemName"}},{"kind":"Field","name":{"kind":"Name","value":"categoryCode"}},{"kind":"Field","name":{"kind":"Name","value":"categoryName"}},{"kind":"Field","name":{"kind":"Name","value":"itemSize"}},{"kind":"Field","name":{"kind":"Name","value":"itemUom"}},{"kind":"Field","name":{"kind":"Name","value":"openingQty"}},{"kind":"Field","name":{"kind":"Name","value":"purchases"}},{"kind":"Field","name":{"kind":"Name","value":"salesQty"}},{"kind":"Field","name":{"kind":"Name","value":"waste"}},{"kind":"Field","name":{"kind":"Name","value":"transfersIn"}},{"kind":"Field","name":{"kind":"Name","value":"transfersOut"}},{"kind":"Field","name":{"kind":"Name","value":"adjustments"}},{"kind":"Field","name":{"kind":"Name","value":"manualPurchasesValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedQty"}},{"kind":"Field","name":{"kind":"Name","value":"expectedQty"}},{"kind":"Field","name":{"kind":"Name","value":"varianceQty"}},{"kind":"Field","name":{"kind":"Name","value":"openingDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"openingDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"expectedDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"expectedDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"varianceDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"varianceDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"valuationCost"}},{"kind":"Field","name":{"kind":"Name","value":"expectedValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedValue"}},{"kind":"Field","name":{"kind":"Name","value":"varianceValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedAt"}},{"kind":"Field","name":{"kind":"Name","value":"countedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<UpdateStocktakeLinesMutation, UpdateStocktakeLinesMutationVariables>;
export const DeleteLineMovementAtVersionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteLineMovementAtVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"lineId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"movementId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteLineMovement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"lineId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"lineId"}}},{"kind":"Argument","name":{"kind":"Name","value":"movementId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"movementId"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedMovementId"}},{"kind":"Field","name":{"kind":"Name","value":"line"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LineFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LineFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StocktakeLine"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stocktakeId"}},{"kind":"Field","name":{"kind":"Name","value":"itemId"}},{"kind":"Field","name":{"kind":"Name","value":"itemSku"}},{"kind":"Field","name":{"kind":"Name","value":"itemName"}},{"kind":"Field","name":{"kind":"Name","value":"categoryCode"}},{"kind":"Field","name":{"kind":"Name","value":"categoryName"}},{"kind":"Field","name":{"kind":"Name","value":"itemSize"}},{"kind":"Field","name":{"kind":"Name","value":"itemUom"}},{"kind":"Field","name":{"kind":"Name","value":"openingQty"}},{"kind":"Field","name":{"kind":"Name","value":"purchases"}},{"kind":"Field","name":{"kind":"Name","value":"salesQty"}},{"kind":"Field","name":{"kind":"Name","value":"waste"}},{"kind":"Field","name":{"kind":"Name","value":"transfersIn"}},{"kind":"Field","name":{"kind":"Name","value":"transfersOut"}},{"kind":"Field","name":{"kind":"Name","value":"adjustments"}},{"kind":"Field","name":{"kind":"Name","value":"manualPurchasesValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedQty"}},{"kind":"Field","name":{"kind":"Name","value":"expectedQty"}},{"kind":"Field","name":{"kind":"Name","value":"varianceQty"}},{"kind":"Field","name":{"kind":"Name","value":"openingDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"openingDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"expectedDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"expectedDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"varianceDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"varianceDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"valuationCost"}},{"kind":"Field","name":{"kind":"Name","value":"expectedValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedValue"}},{"kind":"Field","name":{"kind":"Name","value":"varianceValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedAt"}},{"kind":"Field","name":{"kind":"Name","value":"countedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<DeleteLineMovementAtVersionMutation, DeleteLineMovementAtVersionMutationVariables>;
export const CollaborationEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"CollaborationEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"stocktakeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"afterSequence"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stocktakeEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"stocktakeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"stocktakeId"}}},{"kind":"Argument","name":{"kind":"Name","value":"afterSequence"},"value":{"kind":"Variable","name":{"kind":"Name","value":"afterSequence"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EventMeta"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserJoinedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stocktakeId"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"since"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserLeftEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stocktakeId"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserEditingLineEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stocktakeId"}},{"kind":"Field","name":{"kind":"Name","value":"lineId"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserStoppedEditingLineEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stocktakeId"}},{"kind":"Field","name":{"kind":"Name","value":"lineId"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EditingLocksEndedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stocktakeId"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"lineIds"}},{"kind":"Field","name":{"kind":"Name","value":"locks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lineId"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StocktakeStatusChangedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stocktakeId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"adjustmentsCreated"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BulkLinesUpdatedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stocktakeId"}},{"kind":"Field","name":{"kind":"Name","value":"linesUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"countedFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LineCountedUpdatedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lineId"}},{"kind":"Field","name":{"kind":"Name","value":"line"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"countedFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LineMovementAddedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lineId"}},{"kind":"Field","name":{"kind":"Name","value":"movement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EventMeta"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RealtimeEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"epoch"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CollaborationEventsSubscription, CollaborationEventsSubscriptionVariables>;
export const CreateStocktakeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateStocktake"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hotel"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateStocktakeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createStocktake"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hotel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hotel"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StocktakeFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StocktakeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Stocktake"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hotel"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"isLocked"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"approvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"approvedById"}},{"kind":"Field","name":{"kind":"Name","value":"approvedByName"}},{"kind":"Field","name":{"kind":"Name","value":"lineCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalValue"}},{"kind":"Field","name":{"kind":"Name","value":"totalVarianceValue"}}]}}]} as unknown as DocumentNode<CreateStocktakeMutation, CreateStocktakeMutationVariables>;
export const UpdateStocktakeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateStocktake"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateStocktakeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateStocktake"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StocktakeFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StocktakeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Stocktake"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hotel"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"isLocked"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"approvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"approvedById"}},{"kind":"Field","name":{"kind":"Name","value":"approvedByName"}},{"kind":"Field","name":{"kind":"Name","value":"lineCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalValue"}},{"kind":"Field","name":{"kind":"Name","value":"totalVarianceValue"}}]}}]} as unknown as DocumentNode<UpdateStocktakeMutation, UpdateStocktakeMutationVariables>;
export const DeleteStocktakeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteStocktake"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteStocktake"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteStocktakeMutation, DeleteStocktakeMutationVariables>;
export const PopulateStocktakeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PopulateStocktake"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"populateStocktake"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"linesCreated"}},{"kind":"Field","name":{"kind":"Name","value":"stocktake"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StocktakeFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StocktakeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Stocktake"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hotel"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"isLocked"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"approvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"approvedById"}},{"kind":"Field","name":{"kind":"Name","value":"approvedByName"}},{"kind":"Field","name":{"kind":"Name","value":"lineCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalValue"}},{"kind":"Field","name":{"kind":"Name","value":"totalVarianceValue"}}]}}]} as unknown as DocumentNode<PopulateStocktakeMutation, PopulateStocktakeMutationVariables>;
export const ApproveStocktakeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApproveStocktake"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveStocktake"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adjustmentsCreated"}},{"kind":"Field","name":{"kind":"Name","value":"stocktake"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StocktakeFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StocktakeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Stocktake"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hotel"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"isLocked"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"approvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"approvedById"}},{"kind":"Field","name":{"kind":"Name","value":"approvedByName"}},{"kind":"Field","name":{"kind":"Name","value":"lineCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalValue"}},{"kind":"Field","name":{"kind":"Name","value":"totalVarianceValue"}}]}}]} as unknown as DocumentNode<ApproveStocktakeMutation, ApproveStocktakeMutationVariables>;
export const ReopenStocktakeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReopenStocktake"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reopenStocktake"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adjustmentsRemoved"}},{"kind":"Field","name":{"kind":"Name","value":"stocktake"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StocktakeFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StocktakeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Stocktake"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hotel"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"isLocked"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"approvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"approvedById"}},{"kind":"Field","name":{"kind":"Name","value":"approvedByName"}},{"kind":"Field","name":{"kind":"Name","value":"lineCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalValue"}},{"kind":"Field","name":{"kind":"Name","value":"totalVarianceValue"}}]}}]} as unknown as DocumentNode<ReopenStocktakeMutation, ReopenStocktakeMutationVariables>;
export const UpdateStocktakeLineDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateStocktakeLine"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateStocktakeLineInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateStocktakeLine"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LineFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LineFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StocktakeLine"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stocktakeId"}},{"kind":"Field","name":{"kind":"Name","value":"itemId"}},{"kind":"Field","name":{"kind":"Name","value":"itemSku"}},{"kind":"Field","name":{"kind":"Name","value":"itemName"}},{"kind":"Field","name":{"kind":"Name","value":"categoryCode"}},{"kind":"Field","name":{"kind":"Name","value":"categoryName"}},{"kind":"Field","name":{"kind":"Name","value":"itemSize"}},{"kind":"Field","name":{"kind":"Name","value":"itemUom"}},{"kind":"Field","name":{"kind":"Name","value":"openingQty"}},{"kind":"Field","name":{"kind":"Name","value":"purchases"}},{"kind":"Field","name":{"kind":"Name","value":"salesQty"}},{"kind":"Field","name":{"kind":"Name","value":"waste"}},{"kind":"Field","name":{"kind":"Name","value":"transfersIn"}},{"kind":"Field","name":{"kind":"Name","value":"transfersOut"}},{"kind":"Field","name":{"kind":"Name","value":"adjustments"}},{"kind":"Field","name":{"kind":"Name","value":"manualPurchasesValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedQty"}},{"kind":"Field","name":{"kind":"Name","value":"expectedQty"}},{"kind":"Field","name":{"kind":"Name","value":"varianceQty"}},{"kind":"Field","name":{"kind":"Name","value":"openingDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"openingDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"expectedDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"expectedDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"varianceDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"varianceDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"valuationCost"}},{"kind":"Field","name":{"kind":"Name","value":"expectedValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedValue"}},{"kind":"Field","name":{"kind":"Name","value":"varianceValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedAt"}},{"kind":"Field","name":{"kind":"Name","value":"countedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<UpdateStocktakeLineMutation, UpdateStocktakeLineMutationVariables>;
export const AddLineMovementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddLineMovement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"lineId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LineMovementInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addLineMovement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"lineId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"lineId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"movement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MovementFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"line"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LineFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MovementFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StockMovement"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"itemId"}},{"kind":"Field","name":{"kind":"Name","value":"itemSku"}},{"kind":"Field","name":{"kind":"Name","value":"movementType"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitCost"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"staffName"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LineFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StocktakeLine"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stocktakeId"}},{"kind":"Field","name":{"kind":"Name","value":"itemId"}},{"kind":"Field","name":{"kind":"Name","value":"itemSku"}},{"kind":"Field","name":{"kind":"Name","value":"itemName"}},{"kind":"Field","name":{"kind":"Name","value":"categoryCode"}},{"kind":"Field","name":{"kind":"Name","value":"categoryName"}},{"kind":"Field","name":{"kind":"Name","value":"itemSize"}},{"kind":"Field","name":{"kind":"Name","value":"itemUom"}},{"kind":"Field","name":{"kind":"Name","value":"openingQty"}},{"kind":"Field","name":{"kind":"Name","value":"purchases"}},{"kind":"Field","name":{"kind":"Name","value":"salesQty"}},{"kind":"Field","name":{"kind":"Name","value":"waste"}},{"kind":"Field","name":{"kind":"Name","value":"transfersIn"}},{"kind":"Field","name":{"kind":"Name","value":"transfersOut"}},{"kind":"Field","name":{"kind":"Name","value":"adjustments"}},{"kind":"Field","name":{"kind":"Name","value":"manualPurchasesValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedQty"}},{"kind":"Field","name":{"kind":"Name","value":"expectedQty"}},{"kind":"Field","name":{"kind":"Name","value":"varianceQty"}},{"kind":"Field","name":{"kind":"Name","value":"openingDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"openingDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"expectedDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"expectedDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"varianceDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"varianceDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"valuationCost"}},{"kind":"Field","name":{"kind":"Name","value":"expectedValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedValue"}},{"kind":"Field","name":{"kind":"Name","value":"varianceValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedAt"}},{"kind":"Field","name":{"kind":"Name","value":"countedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<AddLineMovementMutation, AddLineMovementMutationVariables>;
export const UpdateLineMovementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateLineMovement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"lineId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"movementId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateLineMovementInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateLineMovement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"lineId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"lineId"}}},{"kind":"Argument","name":{"kind":"Name","value":"movementId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"movementId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"movement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MovementFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"oldValues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MovementValuesFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"line"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LineFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MovementFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StockMovement"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"itemId"}},{"kind":"Field","name":{"kind":"Name","value":"itemSku"}},{"kind":"Field","name":{"kind":"Name","value":"movementType"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitCost"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"staffName"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MovementValuesFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MovementValues"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"movementType"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitCost"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LineFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StocktakeLine"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stocktakeId"}},{"kind":"Field","name":{"kind":"Name","value":"itemId"}},{"kind":"Field","name":{"kind":"Name","value":"itemSku"}},{"kind":"Field","name":{"kind":"Name","value":"itemName"}},{"kind":"Field","name":{"kind":"Name","value":"categoryCode"}},{"kind":"Field","name":{"kind":"Name","value":"categoryName"}},{"kind":"Field","name":{"kind":"Name","value":"itemSize"}},{"kind":"Field","name":{"kind":"Name","value":"itemUom"}},{"kind":"Field","name":{"kind":"Name","value":"openingQty"}},{"kind":"Field","name":{"kind":"Name","value":"purchases"}},{"kind":"Field","name":{"kind":"Name","value":"salesQty"}},{"kind":"Field","name":{"kind":"Name","value":"waste"}},{"kind":"Field","name":{"kind":"Name","value":"transfersIn"}},{"kind":"Field","name":{"kind":"Name","value":"transfersOut"}},{"kind":"Field","name":{"kind":"Name","value":"adjustments"}},{"kind":"Field","name":{"kind":"Name","value":"manualPurchasesValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedQty"}},{"kind":"Field","name":{"kind":"Name","value":"expectedQty"}},{"kind":"Field","name":{"kind":"Name","value":"varianceQty"}},{"kind":"Field","name":{"kind":"Name","value":"openingDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"openingDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"expectedDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"expectedDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"varianceDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"varianceDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"valuationCost"}},{"kind":"Field","name":{"kind":"Name","value":"expectedValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedValue"}},{"kind":"Field","name":{"kind":"Name","value":"varianceValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedAt"}},{"kind":"Field","name":{"kind":"Name","value":"countedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<UpdateLineMovementMutation, UpdateLineMovementMutationVariables>;
export const DeleteLineMovementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteLineMovement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"lineId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"movementId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteLineMovement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"lineId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"lineId"}}},{"kind":"Argument","name":{"kind":"Name","value":"movementId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"movementId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedMovementId"}},{"kind":"Field","name":{"kind":"Name","value":"line"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LineFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LineFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StocktakeLine"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stocktakeId"}},{"kind":"Field","name":{"kind":"Name","value":"itemId"}},{"kind":"Field","name":{"kind":"Name","value":"itemSku"}},{"kind":"Field","name":{"kind":"Name","value":"itemName"}},{"kind":"Field","name":{"kind":"Name","value":"categoryCode"}},{"kind":"Field","name":{"kind":"Name","value":"categoryName"}},{"kind":"Field","name":{"kind":"Name","value":"itemSize"}},{"kind":"Field","name":{"kind":"Name","value":"itemUom"}},{"kind":"Field","name":{"kind":"Name","value":"openingQty"}},{"kind":"Field","name":{"kind":"Name","value":"purchases"}},{"kind":"Field","name":{"kind":"Name","value":"salesQty"}},{"kind":"Field","name":{"kind":"Name","value":"waste"}},{"kind":"Field","name":{"kind":"Name","value":"transfersIn"}},{"kind":"Field","name":{"kind":"Name","value":"transfersOut"}},{"kind":"Field","name":{"kind":"Name","value":"adjustments"}},{"kind":"Field","name":{"kind":"Name","value":"manualPurchasesValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedQty"}},{"kind":"Field","name":{"kind":"Name","value":"expectedQty"}},{"kind":"Field","name":{"kind":"Name","value":"varianceQty"}},{"kind":"Field","name":{"kind":"Name","value":"openingDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"openingDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"expectedDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"expectedDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"varianceDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"varianceDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"valuationCost"}},{"kind":"Field","name":{"kind":"Name","value":"expectedValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedValue"}},{"kind":"Field","name":{"kind":"Name","value":"varianceValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedAt"}},{"kind":"Field","name":{"kind":"Name","value":"countedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<DeleteLineMovementMutation, DeleteLineMovementMutationVariables>;
export const CreateStockItemDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateStockItem"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hotel"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateStockItemInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createStockItem"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hotel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hotel"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StockItemFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StockItemFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StockItem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"categoryCode"}},{"kind":"Field","name":{"kind":"Name","value":"categoryName"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"sizeValue"}},{"kind":"Field","name":{"kind":"Name","value":"sizeUnit"}},{"kind":"Field","name":{"kind":"Name","value":"uom"}},{"kind":"Field","name":{"kind":"Name","value":"unitCost"}},{"kind":"Field","name":{"kind":"Name","value":"costPerServing"}},{"kind":"Field","name":{"kind":"Name","value":"menuPrice"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]} as unknown as DocumentNode<CreateStockItemMutation, CreateStockItemMutationVariables>;
export const UpdateStockItemDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateStockItem"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateStockItemInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateStockItem"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StockItemFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StockItemFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StockItem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"categoryCode"}},{"kind":"Field","name":{"kind":"Name","value":"categoryName"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"sizeValue"}},{"kind":"Field","name":{"kind":"Name","value":"sizeUnit"}},{"kind":"Field","name":{"kind":"Name","value":"uom"}},{"kind":"Field","name":{"kind":"Name","value":"unitCost"}},{"kind":"Field","name":{"kind":"Name","value":"costPerServing"}},{"kind":"Field","name":{"kind":"Name","value":"menuPrice"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]} as unknown as DocumentNode<UpdateStockItemMutation, UpdateStockItemMutationVariables>;
export const StocktakeProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StocktakeProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stocktake"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProgressFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CountedLineFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgressFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StocktakeProgress"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"countedLines"}},{"kind":"Field","name":{"kind":"Name","value":"totalLines"}},{"kind":"Field","name":{"kind":"Name","value":"countedValue"}},{"kind":"Field","name":{"kind":"Name","value":"varianceValueCounted"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CountedLineFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StocktakeLine"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"itemSku"}},{"kind":"Field","name":{"kind":"Name","value":"countedFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedValue"}},{"kind":"Field","name":{"kind":"Name","value":"varianceValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedAt"}},{"kind":"Field","name":{"kind":"Name","value":"countedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<StocktakeProgressQuery, StocktakeProgressQueryVariables>;
export const CountedLineDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CountedLine"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stocktakeLine"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CountedLineFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CountedLineFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StocktakeLine"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"itemSku"}},{"kind":"Field","name":{"kind":"Name","value":"countedFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedValue"}},{"kind":"Field","name":{"kind":"Name","value":"varianceValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedAt"}},{"kind":"Field","name":{"kind":"Name","value":"countedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<CountedLineQuery, CountedLineQueryVariables>;
export const CountLineDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CountLine"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateStocktakeLineInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateStocktakeLine"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CountedLineFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CountedLineFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StocktakeLine"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"itemSku"}},{"kind":"Field","name":{"kind":"Name","value":"countedFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedValue"}},{"kind":"Field","name":{"kind":"Name","value":"varianceValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedAt"}},{"kind":"Field","name":{"kind":"Name","value":"countedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<CountLineMutation, CountLineMutationVariables>;
export const CountLinesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CountLines"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"stocktakeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"lines"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BulkLineCountInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateStocktakeLines"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"stocktakeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"stocktakeId"}}},{"kind":"Argument","name":{"kind":"Name","value":"lines"},"value":{"kind":"Variable","name":{"kind":"Name","value":"lines"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CountedLineFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CountedLineFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StocktakeLine"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"itemSku"}},{"kind":"Field","name":{"kind":"Name","value":"countedFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedValue"}},{"kind":"Field","name":{"kind":"Name","value":"varianceValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedAt"}},{"kind":"Field","name":{"kind":"Name","value":"countedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<CountLinesMutation, CountLinesMutationVariables>;
export const ApproveCountedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApproveCounted"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveStocktake"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adjustmentsCreated"}},{"kind":"Field","name":{"kind":"Name","value":"uncountedLines"}},{"kind":"Field","name":{"kind":"Name","value":"stocktake"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProgressFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgressFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StocktakeProgress"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"countedLines"}},{"kind":"Field","name":{"kind":"Name","value":"totalLines"}},{"kind":"Field","name":{"kind":"Name","value":"countedValue"}},{"kind":"Field","name":{"kind":"Name","value":"varianceValueCounted"}}]}}]} as unknown as DocumentNode<ApproveCountedMutation, ApproveCountedMutationVariables>;
export const ProgressEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ProgressEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"stocktakeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"afterSequence"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stocktakeEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"stocktakeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"stocktakeId"}}},{"kind":"Argument","name":{"kind":"Name","value":"afterSequence"},"value":{"kind":"Variable","name":{"kind":"Name","value":"afterSequence"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RealtimeEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sequence"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LineCountedUpdatedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lineId"}},{"kind":"Field","name":{"kind":"Name","value":"line"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CountedLineFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProgressFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LineMovementAddedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lineId"}},{"kind":"Field","name":{"kind":"Name","value":"line"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CountedLineFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProgressFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BulkLinesUpdatedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"linesUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CountedLineFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProgressFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StocktakeStatusChangedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"adjustmentsCreated"}},{"kind":"Field","name":{"kind":"Name","value":"uncountedLines"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CountedLineFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StocktakeLine"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"itemSku"}},{"kind":"Field","name":{"kind":"Name","value":"countedFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedValue"}},{"kind":"Field","name":{"kind":"Name","value":"varianceValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedAt"}},{"kind":"Field","name":{"kind":"Name","value":"countedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgressFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StocktakeProgress"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"countedLines"}},{"kind":"Field","name":{"kind":"Name","value":"totalLines"}},{"kind":"Field","name":{"kind":"Name","value":"countedValue"}},{"kind":"Field","name":{"kind":"Name","value":"varianceValueCounted"}}]}}]} as unknown as DocumentNode<ProgressEventsSubscription, ProgressEventsSubscriptionVariables>;
export const LineHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LineHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"lineId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lineHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"lineId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"lineId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lineId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"movementId"}},{"kind":"Field","name":{"kind":"Name","value":"by"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"lineVersion"}},{"kind":"Field","name":{"kind":"Name","value":"before"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HistoryFigures"}}]}},{"kind":"Field","name":{"kind":"Name","value":"after"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HistoryFigures"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HistoryFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LineFigures"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"countedFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedQty"}},{"kind":"Field","name":{"kind":"Name","value":"manualPurchasesValue"}},{"kind":"Field","name":{"kind":"Name","value":"purchases"}},{"kind":"Field","name":{"kind":"Name","value":"waste"}},{"kind":"Field","name":{"kind":"Name","value":"salesQty"}},{"kind":"Field","name":{"kind":"Name","value":"transfersIn"}},{"kind":"Field","name":{"kind":"Name","value":"transfersOut"}},{"kind":"Field","name":{"kind":"Name","value":"adjustments"}},{"kind":"Field","name":{"kind":"Name","value":"expectedQty"}},{"kind":"Field","name":{"kind":"Name","value":"varianceQty"}},{"kind":"Field","name":{"kind":"Name","value":"countedValue"}},{"kind":"Field","name":{"kind":"Name","value":"varianceValue"}}]}}]} as unknown as DocumentNode<LineHistoryQuery, LineHistoryQueryVariables>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"hotels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"identifier"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const HotelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Hotel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"identifier"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hotel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"identifier"},"value":{"kind":"Variable","name":{"kind":"Name","value":"identifier"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"identifier"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<HotelQuery, HotelQueryVariables>;
export const StockItemsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StockItems"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hotel"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"category"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"includeInactive"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stockItems"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hotel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hotel"}}},{"kind":"Argument","name":{"kind":"Name","value":"category"},"value":{"kind":"Variable","name":{"kind":"Name","value":"category"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"includeInactive"},"value":{"kind":"Variable","name":{"kind":"Name","value":"includeInactive"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StockItemFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StockItemFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StockItem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"categoryCode"}},{"kind":"Field","name":{"kind":"Name","value":"categoryName"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"sizeValue"}},{"kind":"Field","name":{"kind":"Name","value":"sizeUnit"}},{"kind":"Field","name":{"kind":"Name","value":"uom"}},{"kind":"Field","name":{"kind":"Name","value":"unitCost"}},{"kind":"Field","name":{"kind":"Name","value":"costPerServing"}},{"kind":"Field","name":{"kind":"Name","value":"menuPrice"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]} as unknown as DocumentNode<StockItemsQuery, StockItemsQueryVariables>;
export const StocktakesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Stocktakes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hotel"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"StocktakeStatus"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stocktakes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hotel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hotel"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StocktakeFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StocktakeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Stocktake"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hotel"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"isLocked"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"approvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"approvedById"}},{"kind":"Field","name":{"kind":"Name","value":"approvedByName"}},{"kind":"Field","name":{"kind":"Name","value":"lineCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalValue"}},{"kind":"Field","name":{"kind":"Name","value":"totalVarianceValue"}}]}}]} as unknown as DocumentNode<StocktakesQuery, StocktakesQueryVariables>;
export const StocktakePageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StocktakePage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hotel"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stocktakes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hotel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hotel"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"lineCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalValue"}},{"kind":"Field","name":{"kind":"Name","value":"totalVarianceValue"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<StocktakePageQuery, StocktakePageQueryVariables>;
export const StocktakesWithLinesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StocktakesWithLines"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hotel"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stocktakes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hotel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hotel"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stocktakeId"}},{"kind":"Field","name":{"kind":"Name","value":"expectedValue"}},{"kind":"Field","name":{"kind":"Name","value":"varianceValue"}}]}}]}}]}}]}}]} as unknown as DocumentNode<StocktakesWithLinesQuery, StocktakesWithLinesQueryVariables>;
export const StocktakeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Stocktake"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stocktake"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StocktakeFields"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LineFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StocktakeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Stocktake"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hotel"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"isLocked"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"approvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"approvedById"}},{"kind":"Field","name":{"kind":"Name","value":"approvedByName"}},{"kind":"Field","name":{"kind":"Name","value":"lineCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalValue"}},{"kind":"Field","name":{"kind":"Name","value":"totalVarianceValue"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LineFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StocktakeLine"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stocktakeId"}},{"kind":"Field","name":{"kind":"Name","value":"itemId"}},{"kind":"Field","name":{"kind":"Name","value":"itemSku"}},{"kind":"Field","name":{"kind":"Name","value":"itemName"}},{"kind":"Field","name":{"kind":"Name","value":"categoryCode"}},{"kind":"Field","name":{"kind":"Name","value":"categoryName"}},{"kind":"Field","name":{"kind":"Name","value":"itemSize"}},{"kind":"Field","name":{"kind":"Name","value":"itemUom"}},{"kind":"Field","name":{"kind":"Name","value":"openingQty"}},{"kind":"Field","name":{"kind":"Name","value":"purchases"}},{"kind":"Field","name":{"kind":"Name","value":"salesQty"}},{"kind":"Field","name":{"kind":"Name","value":"waste"}},{"kind":"Field","name":{"kind":"Name","value":"transfersIn"}},{"kind":"Field","name":{"kind":"Name","value":"transfersOut"}},{"kind":"Field","name":{"kind":"Name","value":"adjustments"}},{"kind":"Field","name":{"kind":"Name","value":"manualPurchasesValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedQty"}},{"kind":"Field","name":{"kind":"Name","value":"expectedQty"}},{"kind":"Field","name":{"kind":"Name","value":"varianceQty"}},{"kind":"Field","name":{"kind":"Name","value":"openingDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"openingDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"expectedDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"expectedDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"varianceDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"varianceDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"valuationCost"}},{"kind":"Field","name":{"kind":"Name","value":"expectedValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedValue"}},{"kind":"Field","name":{"kind":"Name","value":"varianceValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedAt"}},{"kind":"Field","name":{"kind":"Name","value":"countedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<StocktakeQuery, StocktakeQueryVariables>;
export const StocktakeLineDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StocktakeLine"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stocktakeLine"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LineFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LineFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StocktakeLine"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stocktakeId"}},{"kind":"Field","name":{"kind":"Name","value":"itemId"}},{"kind":"Field","name":{"kind":"Name","value":"itemSku"}},{"kind":"Field","name":{"kind":"Name","value":"itemName"}},{"kind":"Field","name":{"kind":"Name","value":"categoryCode"}},{"kind":"Field","name":{"kind":"Name","value":"categoryName"}},{"kind":"Field","name":{"kind":"Name","value":"itemSize"}},{"kind":"Field","name":{"kind":"Name","value":"itemUom"}},{"kind":"Field","name":{"kind":"Name","value":"openingQty"}},{"kind":"Field","name":{"kind":"Name","value":"purchases"}},{"kind":"Field","name":{"kind":"Name","value":"salesQty"}},{"kind":"Field","name":{"kind":"Name","value":"waste"}},{"kind":"Field","name":{"kind":"Name","value":"transfersIn"}},{"kind":"Field","name":{"kind":"Name","value":"transfersOut"}},{"kind":"Field","name":{"kind":"Name","value":"adjustments"}},{"kind":"Field","name":{"kind":"Name","value":"manualPurchasesValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedQty"}},{"kind":"Field","name":{"kind":"Name","value":"expectedQty"}},{"kind":"Field","name":{"kind":"Name","value":"varianceQty"}},{"kind":"Field","name":{"kind":"Name","value":"openingDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"openingDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"expectedDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"expectedDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"varianceDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"varianceDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"valuationCost"}},{"kind":"Field","name":{"kind":"Name","value":"expectedValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedValue"}},{"kind":"Field","name":{"kind":"Name","value":"varianceValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedAt"}},{"kind":"Field","name":{"kind":"Name","value":"countedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<StocktakeLineQuery, StocktakeLineQueryVariables>;
export const LineMovementsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LineMovements"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"lineId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lineMovements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"lineId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"lineId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MovementFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MovementFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StockMovement"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"itemId"}},{"kind":"Field","name":{"kind":"Name","value":"itemSku"}},{"kind":"Field","name":{"kind":"Name","value":"movementType"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitCost"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"staffName"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}}]}}]} as unknown as DocumentNode<LineMovementsQuery, LineMovementsQueryVariables>;
export const CategoryTotalsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CategoryTotals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"stocktakeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"category"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"categoryTotals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"stocktakeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"stocktakeId"}}},{"kind":"Argument","name":{"kind":"Name","value":"category"},"value":{"kind":"Variable","name":{"kind":"Name","value":"category"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"categoryCode"}},{"kind":"Field","name":{"kind":"Name","value":"categoryName"}},{"kind":"Field","name":{"kind":"Name","value":"itemCount"}},{"kind":"Field","name":{"kind":"Name","value":"openingQty"}},{"kind":"Field","name":{"kind":"Name","value":"purchases"}},{"kind":"Field","name":{"kind":"Name","value":"waste"}},{"kind":"Field","name":{"kind":"Name","value":"transfersIn"}},{"kind":"Field","name":{"kind":"Name","value":"transfersOut"}},{"kind":"Field","name":{"kind":"Name","value":"adjustments"}},{"kind":"Field","name":{"kind":"Name","value":"expectedQty"}},{"kind":"Field","name":{"kind":"Name","value":"countedQty"}},{"kind":"Field","name":{"kind":"Name","value":"varianceQty"}},{"kind":"Field","name":{"kind":"Name","value":"expectedValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedValue"}},{"kind":"Field","name":{"kind":"Name","value":"varianceValue"}},{"kind":"Field","name":{"kind":"Name","value":"manualPurchasesValue"}}]}}]}}]} as unknown as DocumentNode<CategoryTotalsQuery, CategoryTotalsQueryVariables>;
export const StocktakeLinesPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StocktakeLinesPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stocktake"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lineCount"}},{"kind":"Field","name":{"kind":"Name","value":"linesConnection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LineFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LineFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StocktakeLine"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stocktakeId"}},{"kind":"Field","name":{"kind":"Name","value":"itemId"}},{"kind":"Field","name":{"kind":"Name","value":"itemSku"}},{"kind":"Field","name":{"kind":"Name","value":"itemName"}},{"kind":"Field","name":{"kind":"Name","value":"categoryCode"}},{"kind":"Field","name":{"kind":"Name","value":"categoryName"}},{"kind":"Field","name":{"kind":"Name","value":"itemSize"}},{"kind":"Field","name":{"kind":"Name","value":"itemUom"}},{"kind":"Field","name":{"kind":"Name","value":"openingQty"}},{"kind":"Field","name":{"kind":"Name","value":"purchases"}},{"kind":"Field","name":{"kind":"Name","value":"salesQty"}},{"kind":"Field","name":{"kind":"Name","value":"waste"}},{"kind":"Field","name":{"kind":"Name","value":"transfersIn"}},{"kind":"Field","name":{"kind":"Name","value":"transfersOut"}},{"kind":"Field","name":{"kind":"Name","value":"adjustments"}},{"kind":"Field","name":{"kind":"Name","value":"manualPurchasesValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedQty"}},{"kind":"Field","name":{"kind":"Name","value":"expectedQty"}},{"kind":"Field","name":{"kind":"Name","value":"varianceQty"}},{"kind":"Field","name":{"kind":"Name","value":"openingDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"openingDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"expectedDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"expectedDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"varianceDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"varianceDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"valuationCost"}},{"kind":"Field","name":{"kind":"Name","value":"expectedValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedValue"}},{"kind":"Field","name":{"kind":"Name","value":"varianceValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedAt"}},{"kind":"Field","name":{"kind":"Name","value":"countedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<StocktakeLinesPageQuery, StocktakeLinesPageQueryVariables>;
export const StocktakeListEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"StocktakeListEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hotel"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"afterSequence"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"epoch"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stocktakeListEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hotel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hotel"}}},{"kind":"Argument","name":{"kind":"Name","value":"afterSequence"},"value":{"kind":"Variable","name":{"kind":"Name","value":"afterSequence"}}},{"kind":"Argument","name":{"kind":"Name","value":"epoch"},"value":{"kind":"Variable","name":{"kind":"Name","value":"epoch"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EventMeta"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StocktakeCreatedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stocktake"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StocktakeFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StocktakeDeletedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stocktakeId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StocktakeStatusChangedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stocktakeId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"adjustmentsCreated"}},{"kind":"Field","name":{"kind":"Name","value":"stocktake"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StocktakeFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EventMeta"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RealtimeEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"epoch"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StocktakeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Stocktake"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hotel"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"isLocked"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"approvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"approvedById"}},{"kind":"Field","name":{"kind":"Name","value":"approvedByName"}},{"kind":"Field","name":{"kind":"Name","value":"lineCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalValue"}},{"kind":"Field","name":{"kind":"Name","value":"totalVarianceValue"}}]}}]} as unknown as DocumentNode<StocktakeListEventsSubscription, StocktakeListEventsSubscriptionVariables>;
export const StocktakeEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"StocktakeEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"stocktakeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"afterSequence"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"epoch"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stocktakeEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"stocktakeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"stocktakeId"}}},{"kind":"Argument","name":{"kind":"Name","value":"afterSequence"},"value":{"kind":"Variable","name":{"kind":"Name","value":"afterSequence"}}},{"kind":"Argument","name":{"kind":"Name","value":"epoch"},"value":{"kind":"Variable","name":{"kind":"Name","value":"epoch"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EventMeta"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StocktakeStatusChangedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stocktakeId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"adjustmentsCreated"}},{"kind":"Field","name":{"kind":"Name","value":"stocktake"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StocktakeFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StocktakePopulatedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stocktakeId"}},{"kind":"Field","name":{"kind":"Name","value":"linesCreated"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LineCountedUpdatedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lineId"}},{"kind":"Field","name":{"kind":"Name","value":"itemSku"}},{"kind":"Field","name":{"kind":"Name","value":"line"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LineFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LineMovementAddedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lineId"}},{"kind":"Field","name":{"kind":"Name","value":"itemSku"}},{"kind":"Field","name":{"kind":"Name","value":"movement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MovementFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"line"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LineFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LineMovementUpdatedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lineId"}},{"kind":"Field","name":{"kind":"Name","value":"itemSku"}},{"kind":"Field","name":{"kind":"Name","value":"movement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MovementFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"oldValues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MovementValuesFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"line"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LineFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LineMovementDeletedEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lineId"}},{"kind":"Field","name":{"kind":"Name","value":"itemSku"}},{"kind":"Field","name":{"kind":"Name","value":"deletedMovementId"}},{"kind":"Field","name":{"kind":"Name","value":"line"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LineFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EventMeta"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RealtimeEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"epoch"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StocktakeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Stocktake"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hotel"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"isLocked"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"approvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"approvedById"}},{"kind":"Field","name":{"kind":"Name","value":"approvedByName"}},{"kind":"Field","name":{"kind":"Name","value":"lineCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalValue"}},{"kind":"Field","name":{"kind":"Name","value":"totalVarianceValue"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LineFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StocktakeLine"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stocktakeId"}},{"kind":"Field","name":{"kind":"Name","value":"itemId"}},{"kind":"Field","name":{"kind":"Name","value":"itemSku"}},{"kind":"Field","name":{"kind":"Name","value":"itemName"}},{"kind":"Field","name":{"kind":"Name","value":"categoryCode"}},{"kind":"Field","name":{"kind":"Name","value":"categoryName"}},{"kind":"Field","name":{"kind":"Name","value":"itemSize"}},{"kind":"Field","name":{"kind":"Name","value":"itemUom"}},{"kind":"Field","name":{"kind":"Name","value":"openingQty"}},{"kind":"Field","name":{"kind":"Name","value":"purchases"}},{"kind":"Field","name":{"kind":"Name","value":"salesQty"}},{"kind":"Field","name":{"kind":"Name","value":"waste"}},{"kind":"Field","name":{"kind":"Name","value":"transfersIn"}},{"kind":"Field","name":{"kind":"Name","value":"transfersOut"}},{"kind":"Field","name":{"kind":"Name","value":"adjustments"}},{"kind":"Field","name":{"kind":"Name","value":"manualPurchasesValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedQty"}},{"kind":"Field","name":{"kind":"Name","value":"expectedQty"}},{"kind":"Field","name":{"kind":"Name","value":"varianceQty"}},{"kind":"Field","name":{"kind":"Name","value":"openingDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"openingDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"expectedDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"expectedDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"countedDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"varianceDisplayFullUnits"}},{"kind":"Field","name":{"kind":"Name","value":"varianceDisplayPartialUnits"}},{"kind":"Field","name":{"kind":"Name","value":"valuationCost"}},{"kind":"Field","name":{"kind":"Name","value":"expectedValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedValue"}},{"kind":"Field","name":{"kind":"Name","value":"varianceValue"}},{"kind":"Field","name":{"kind":"Name","value":"countedAt"}},{"kind":"Field","name":{"kind":"Name","value":"countedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MovementFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StockMovement"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"itemId"}},{"kind":"Field","name":{"kind":"Name","value":"itemSku"}},{"kind":"Field","name":{"kind":"Name","value":"movementType"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitCost"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"staffName"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MovementValuesFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MovementValues"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"movementType"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitCost"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}}]}}]} as unknown as DocumentNode<StocktakeEventsSubscription, StocktakeEventsSubscriptionVariables>;
export const ChannelEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChannelEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"channel"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"afterSequence"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"epoch"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channelEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"channel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"channel"}}},{"kind":"Argument","name":{"kind":"Name","value":"afterSequence"},"value":{"kind":"Variable","name":{"kind":"Name","value":"afterSequence"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"epoch"},"value":{"kind":"Variable","name":{"kind":"Name","value":"epoch"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"epoch"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}}]}}]}}]} as unknown as DocumentNode<ChannelEventsQuery, ChannelEventsQueryVariables>;
export const RelayStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RelayStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"relayStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leader"}},{"kind":"Field","name":{"kind":"Name","value":"backlog"}},{"kind":"Field","name":{"kind":"Name","value":"oldestPendingAgeSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"deadLettered"}},{"kind":"Field","name":{"kind":"Name","value":"pausedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}}]}}]}}]} as unknown as DocumentNode<RelayStatusQuery, RelayStatusQueryVariables>;
export const DeadLetteredEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeadLetteredEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hotel"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deadLetteredEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hotel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hotel"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"deadLetteredAt"}}]}}]}}]} as unknown as DocumentNode<DeadLetteredEventsQuery, DeadLetteredEventsQueryVariables>;
export const RequeueDeadLettersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequeueDeadLetters"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hotel"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requeueDeadLetters"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hotel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hotel"}}}]}]}}]} as unknown as DocumentNode<RequeueDeadLettersMutation, RequeueDeadLettersMutationVariables>;
export const HotelsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Hotels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hotels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"identifier"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<HotelsQuery, HotelsQueryVariables>;