/**
 * Presence ("who is here") and "X is editing", kept in this one module
 * because the API gains them with the collaboration work
 * (docs/collaboration.md once merged): `joinStocktake`, `leaveStocktake`,
 * `startEditingLine`, `stopEditingLine`, the `presence` query, and the
 * events user-joined, user-left, user-editing-line and
 * user-stopped-editing-line on the stocktake's channel.
 *
 * `presenceAvailable` asks the schema (introspection, on outside production,
 * where the demo runs) whether those fields exist; without them it returns
 * false and the demo shows no presence at all.
 *
 * Presence is per user (docs/collaboration.md, "Presence"), so the same
 * token in two windows is one person: this window's own editing shows no
 * marker, and the other window's shows "You are editing this elsewhere",
 * never "<your name> is editing".
 *
 * Over graphql-ws a join lasts as long as the connection that sent it: a
 * network break ends it (user-left, reason `disconnected`), so the join is
 * sent again whenever the connection is back (connectivity.js).
 */
import { toast } from './toasts.js';

const REQUIRED = {
  mutation: ['joinStocktake', 'leaveStocktake', 'startEditingLine', 'stopEditingLine'],
  query: ['presence'],
};
export const PRESENCE_EVENTS = ['user-joined', 'user-left', 'user-editing-line', 'user-stopped-editing-line'];

const FIELDS = `query PresenceFields {
  mutation: __type(name: "Mutation") { fields { name } }
  query: __type(name: "Query") { fields { name } }
}`;

const PRESENT = `user { id name } editingLineIds`;
const JOIN = `mutation Join($id: ID!) { joinStocktake(stocktakeId: $id) { ${PRESENT} } }`;
const LEAVE = `mutation Leave($id: ID!) { leaveStocktake(stocktakeId: $id) }`;
const START = `mutation StartEditing($id: ID!) { startEditingLine(lineId: $id) { lineId expiresAt } }`;
const STOP = `mutation StopEditing($id: ID!) { stopEditingLine(lineId: $id) }`;

/** HTTP joins lapse after PRESENCE_HEARTBEAT (60 s by default), line locks after 30 s: renew well within both. */
const JOIN_RENEW_MS = 20_000;
const LOCK_RENEW_MS = 10_000;

/** Whether the API has presence (introspection, on outside production, where the demo runs). */
export async function presenceAvailable(api) {
  let types;
  try {
    types = await api.request(FIELDS);
  } catch {
    return false;
  }
  const has = (type, name) => (types[type]?.fields ?? []).some((field) => field.name === name);
  return Object.entries(REQUIRED).every(([type, names]) => names.every((name) => has(type, name)));
}

/**
 * Presence for this session. `send` runs an operation over the live
 * connection when the transport has one that keeps presence (graphql-ws);
 * otherwise over HTTP, renewed by a heartbeat.
 */
export function createPresence(api, live, { me, connectivity }) {
  const panel = document.getElementById('presence');
  const overConnection = typeof live.request === 'function';
  // One operation at a time, in order: over graphql-ws operations made during a break wait for the reconnect and
  // would otherwise run concurrently, so a lock let go could be taken again after the next one (docs/demo.md).
  let chain = Promise.resolve();
  const sendOrFail = (query, variables) => {
    const sent = chain.then(() => (overConnection ? live.request(query, variables) : api.request(query, variables)));
    chain = sent.catch(() => {});
    return sent;
  };
  const send = (query, variables) =>
    sendOrFail(query, variables).catch((error) => {
      console.warn('presence:', error.message);
      return null;
    });
  /** The line this window's focus is on: the lock to hold, and to take again when back after a break. */
  let focusedLine;
  let stocktakeId;
  let lineName = () => undefined;
  let heartbeat;
  let lockRenewal;
  const here = new Map(); // user id → { name, lines: Set of line ids }

  function render() {
    panel.hidden = here.size === 0;
    const people = [...here.entries()].map(([id, user]) => {
      if (id === me.id) return `${user.name} (you)`;
      return user.lines.size
        ? `${user.name} (editing ${[...user.lines].map((line) => lineName(line) ?? 'a line').join(', ')})`
        : user.name;
    });
    panel.textContent = `Here now: ${people.join(', ')}`;
    for (const marker of document.querySelectorAll('#categories .editing')) marker.remove();
    for (const [id, user] of here.entries()) {
      for (const lineId of user.lines) {
        const row = document.getElementById(`line-${lineId}`);
        const cell = row?.querySelector('th');
        if (!cell) continue;
        const mine = id === me.id;
        // Your own lock, taken by this window's focus: nothing to say.
        if (mine && row.contains(document.activeElement)) continue;
        const marker = document.createElement('span');
        marker.className = mine ? 'editing self' : 'editing';
        marker.textContent = mine ? 'You are editing this elsewhere' : `${user.name} is editing`;
        cell.append(marker);
      }
    }
  }

  function applyEvent(event) {
    const user = event.user ?? event.actor;
    const entry = here.get(user.id) ?? { name: user.name, lines: new Set() };
    if (event.name === 'user-left') here.delete(user.id);
    else {
      if (event.name === 'user-editing-line') entry.lines.add(String(event.lineId));
      if (event.name === 'user-stopped-editing-line') entry.lines.delete(String(event.lineId));
      here.set(user.id, entry);
    }
  }

  function replaceAll(present) {
    here.clear();
    for (const entry of present ?? [])
      here.set(entry.user.id, { name: entry.user.name, lines: new Set(entry.editingLineIds.map(String)) });
    render();
  }

  /** Events applied while a join is on its way: its answer may predate them (see join). */
  let duringJoin = null;

  /**
   * Joins (or renews) and shows who the answer says is here. The answer is a
   * snapshot taken at some point during the round trip: events that arrived
   * meanwhile are applied again on top of it, in order, so one that came
   * after the snapshot is not undone (each event sets a state, so applying
   * one the snapshot already holds changes nothing).
   */
  async function join() {
    const id = stocktakeId;
    const events = [];
    duringJoin = events;
    const present = (await send(JOIN, { id }))?.joinStocktake;
    if (duringJoin === events) duringJoin = null;
    if (!present || id !== stocktakeId) return;
    replaceAll(present);
    for (const event of events) applyEvent(event);
    render();
  }
  // Back after a break: over graphql-ws the old connection's join ended with it.
  connectivity.whenBack(() => {
    if (!stocktakeId) return;
    void join();
    if (focusedLine) void takeLock(focusedLine);
  });

  async function takeLock(lineId) {
    clearInterval(lockRenewal);
    try {
      await sendOrFail(START, { id: lineId });
      // Cleared again: a second takeLock (back online twice) may have started a renewal while this one waited.
      clearInterval(lockRenewal);
      if (focusedLine === lineId) lockRenewal = setInterval(() => void send(START, { id: lineId }), LOCK_RENEW_MS);
    } catch (error) {
      // Someone else holds the line (CONFLICT with extensions.lockedBy): say who; saving would be refused too.
      if (error.code !== 'NETWORK' && error.message) toast(error.message);
    }
  }

  return {
    async enter(id, helpers) {
      stocktakeId = id;
      lineName = helpers.lineName;
      await join();
      if (!overConnection) heartbeat = setInterval(() => void join(), JOIN_RENEW_MS);
    },
    leave() {
      clearInterval(heartbeat);
      clearInterval(lockRenewal);
      if (stocktakeId) void send(LEAVE, { id: stocktakeId });
      stocktakeId = undefined;
      here.clear();
      render();
    },
    /**
     * Takes the line's editing lock while a count field has focus; someone
     * else's lock is a CONFLICT (shown as a notice). Offline nothing is sent:
     * the lock of the line focused then is taken when back.
     */
    editing(lineId) {
      focusedLine = lineId;
      clearInterval(lockRenewal);
      if (!connectivity.offline) void takeLock(lineId);
    },
    stoppedEditing(lineId) {
      if (focusedLine === lineId) focusedLine = undefined;
      clearInterval(lockRenewal);
      if (!connectivity.offline) void send(STOP, { id: lineId });
    },
    handles: (event) => PRESENCE_EVENTS.includes(event.name),
    apply(event) {
      duringJoin?.push(event);
      applyEvent(event);
      render();
    },
    /** Re-renders the "is editing" markers after the table was rebuilt. */
    render,
  };
}
