/**
 * Presence ("who is here") and "X is editing", kept in this one module
 * because the API gains them with the collaboration work: `joinStocktake`,
 * `leaveStocktake`, `startEditingLine`, `stopEditingLine` and the
 * `presence` query, with the events user-joined, user-left,
 * user-editing-line and user-stopped-editing-line on the stocktake channel.
 *
 * `detectPresence` asks the schema (introspection, available outside
 * production, where the demo runs) whether those fields exist; without them
 * it returns null and the demo shows no presence at all.
 */
const REQUIRED = {
  Mutation: ['joinStocktake', 'leaveStocktake', 'startEditingLine', 'stopEditingLine'],
  Query: ['presence'],
};
const EVENTS = new Set(['user-joined', 'user-left', 'user-editing-line', 'user-stopped-editing-line']);

const FIELDS = `query PresenceFields {
  mutation: __type(name: "Mutation") { fields { name } }
  query: __type(name: "Query") { fields { name } }
}`;

export async function detectPresence(api) {
  let types;
  try {
    types = await api.request(FIELDS);
  } catch {
    return null;
  }
  const has = (type, name) => (types[type]?.fields ?? []).some((field) => field.name === name);
  const available =
    REQUIRED.Mutation.every((name) => has('mutation', name)) && REQUIRED.Query.every((name) => has('query', name));
  return available ? createPresence(api) : null;
}

/**
 * The presence UI, written against the names above. Its operations are
 * the part to check against the collaboration schema when it merges.
 */
function createPresence(api) {
  const panel = document.getElementById('presence');
  let stocktakeId;
  let lineName = () => undefined;
  const here = new Map(); // user id → { name, lineId }

  const send = (query, variables) =>
    api.request(query, variables).catch((error) => console.warn('presence', error.message));

  function render() {
    panel.hidden = here.size === 0;
    const people = [...here.values()].map((user) =>
      user.lineId ? `${user.name} (editing ${lineName(user.lineId) ?? 'a line'})` : user.name,
    );
    panel.textContent = `Here now: ${people.join(', ')}`;
    for (const marker of document.querySelectorAll('.editing')) marker.remove();
    for (const user of here.values()) {
      const cell = user.lineId && document.querySelector(`#line-${CSS.escape(String(user.lineId))} th`);
      if (!cell) continue;
      const marker = document.createElement('span');
      marker.className = 'editing';
      marker.textContent = `${user.name} is editing`;
      cell.append(marker);
    }
  }

  return {
    async enter(id, helpers) {
      stocktakeId = id;
      lineName = helpers.lineName;
      await send(`mutation Join($id: ID!) { joinStocktake(stocktakeId: $id) }`, { id });
      const data = await send(`query Presence($id: ID!) { presence(stocktakeId: $id) { userId name lineId } }`, {
        id,
      });
      here.clear();
      for (const user of data?.presence ?? []) here.set(user.userId, { name: user.name, lineId: user.lineId });
      render();
    },
    leave() {
      if (stocktakeId) void send(`mutation Leave($id: ID!) { leaveStocktake(stocktakeId: $id) }`, { id: stocktakeId });
      stocktakeId = undefined;
      here.clear();
      render();
    },
    editing: (lineId) => send(`mutation Edit($id: ID!) { startEditingLine(lineId: $id) }`, { id: lineId }),
    stoppedEditing: (lineId) => send(`mutation Stop($id: ID!) { stopEditingLine(lineId: $id) }`, { id: lineId }),
    handles: (event) => EVENTS.has(event.name),
    apply(event) {
      const user = event.actor;
      if (event.name === 'user-left') here.delete(user.id);
      else
        here.set(user.id, {
          name: user.name,
          lineId: event.name === 'user-editing-line' ? event.lineId : null,
        });
      render();
    },
  };
}
