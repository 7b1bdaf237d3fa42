/**
 * GraphQL over HTTP (POST /graphql with the bearer token) and the
 * operations the demo uses. Everything the page shows comes from these;
 * the live transports only say what changed.
 */

/** A GraphQL error with its `extensions.code` (see docs/operations.md, "Errors"). */
export class ApiError extends Error {
  constructor(message, code, extensions = {}) {
    super(message);
    this.code = code;
    this.extensions = extensions;
  }
}

export const LINE_FIELDS = `
  id stocktakeId itemSku itemName itemSize categoryCode categoryName
  openingQty purchases waste expectedQty
  countedFullUnits countedPartialUnits countedQty
  varianceQty countedValue expectedValue varianceValue version countedAt countedBy { id name }`;

/** How far the count has got (value and variance over counted lines only). */
export const PROGRESS_FIELDS = `progress { countedLines totalLines countedValue varianceValueCounted }`;

const STOCKTAKE_FIELDS = `
  id hotel periodStart periodEnd status isLocked lineCount totalValue totalVarianceValue approvedByName`;

export const ME = `{ me { id name hotels { identifier name role } } }`;

/** The newest 50 (a connection: the demo shows the first page's nodes). */
export const STOCKTAKES = `query Stocktakes($hotel: String!) {
  stocktakes(hotel: $hotel, first: 50) { nodes { ${STOCKTAKE_FIELDS} } }
}`;

export const STOCKTAKE = `query Stocktake($id: ID!) {
  stocktake(id: $id) { ${STOCKTAKE_FIELDS} ${PROGRESS_FIELDS} lines { ${LINE_FIELDS} } }
}`;

export const LINE = `query Line($id: ID!) { stocktakeLine(id: $id) { ${LINE_FIELDS} } }`;

export const CREATE = `mutation Create($hotel: String!, $input: CreateStocktakeInput!) {
  createStocktake(hotel: $hotel, input: $input) { id }
}`;

export const POPULATE = `mutation Populate($id: ID!) { populateStocktake(id: $id) { linesCreated } }`;

export const COUNT = `mutation Count($id: ID!, $input: UpdateStocktakeLineInput!) {
  updateStocktakeLine(id: $id, input: $input) { ${LINE_FIELDS} }
}`;

export const ADD_MOVEMENT = `mutation AddMovement($lineId: ID!, $input: LineMovementInput!) {
  addLineMovement(lineId: $lineId, input: $input) { line { ${LINE_FIELDS} } }
}`;

export const APPROVE = `mutation Approve($id: ID!) { approveStocktake(id: $id) { adjustmentsCreated uncountedLines } }`;

export const REOPEN = `mutation Reopen($id: ID!) { reopenStocktake(id: $id) { adjustmentsRemoved } }`;

/** Stored events of a channel after a sequence: the Pusher catch-up, and how a screen learns where a channel is. */
export const CHANNEL_EVENTS = `query ChannelEvents($channel: String!, $after: Int!, $limit: Int!) {
  channelEvents(channel: $channel, afterSequence: $after, limit: $limit) { name sequence payload }
}`;

const SEQUENCES = `query Sequences($channel: String!, $after: Int!) {
  channelEvents(channel: $channel, afterSequence: $after, limit: 500) { sequence }
}`;

/**
 * Codes of failures worth sending again with the same key: the request may not have reached the API, or the API
 * asks to be asked again later (503 while its database is away, 429 when the user's budget is spent).
 */
export const RETRYABLE = new Set(['NETWORK', 'HTTP_ERROR', 'SERVICE_UNAVAILABLE', 'RATE_LIMITED']);

/**
 * A client of the API for one token. `isOffline` is the demo's "network
 * break": while it says so, every request fails as it would without a
 * network. `idempotencyKey` sends the `Idempotency-Key` header
 * (docs/collaboration.md, "Idempotency keys").
 */
export function createApi(token, { isOffline = () => false } = {}) {
  async function request(query, variables = {}, { idempotencyKey } = {}) {
    if (isOffline()) throw new ApiError('Offline: no network', 'NETWORK');
    let response;
    try {
      response = await fetch(new URL('/graphql', location.href), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
    } catch {
      throw new ApiError('The network is unreachable', 'NETWORK');
    }
    let body;
    try {
      body = await response.json();
    } catch {
      throw new ApiError(`The API answered HTTP ${response.status}`, 'HTTP_ERROR');
    }
    if (body.errors?.length) {
      const [first] = body.errors;
      throw new ApiError(first.message, first.extensions?.code ?? 'ERROR', first.extensions);
    }
    return body.data;
  }

  /** Every stored event of a channel after `after`, page by page (channelEvents returns at most 500 at once). */
  async function eventsAfter(channel, after) {
    const events = [];
    for (let from = after; ;) {
      const page = (await request(CHANNEL_EVENTS, { channel, after: from, limit: 500 })).channelEvents;
      events.push(...page);
      if (page.length < 500) return events;
      from = page[page.length - 1].sequence;
    }
  }

  /**
   * The channel's last sequence. There is no query for it alone
   * (docs/realtime.md, "Catch-up with channelEvents"), so page to the end.
   */
  async function latestSequence(channel) {
    let from = 0;
    for (;;) {
      let page;
      try {
        page = (await request(SEQUENCES, { channel, after: from })).channelEvents;
      } catch (error) {
        // Old events were pruned: start from the oldest one still kept.
        if (error.code !== 'HISTORY_EXPIRED' || from !== 0) throw error;
        from = error.extensions.oldestSequence - 1;
        continue;
      }
      if (page.length) from = page[page.length - 1].sequence;
      if (page.length < 500) return from;
    }
  }

  return { token, request, eventsAfter, latestSequence };
}
