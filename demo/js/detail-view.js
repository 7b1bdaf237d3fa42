/**
 * `#/stocktakes/ID`: one stocktake's lines by category, live on its
 * channel. Line events carry the whole line, which replaces the row (a
 * newer `version` wins, so a replayed event never sets a row back); a slim
 * payload refetches the line it names; status and populate events reload
 * the stocktake. Counts are edited in place (saved on change, with the
 * line's version, so a concurrent edit is a CONFLICT instead of a silent
 * overwrite); purchases and waste go through a dialog.
 */
import { ADD_MOVEMENT, APPROVE, COUNT, LINE, POPULATE, REOPEN, STOCKTAKE } from './api.js';
import { stocktakeChannel } from './channels.js';
import { describeEvent } from './describe-event.js';
import { isNegative, money, period, quantity, sumMoney } from './format.js';
import { toast } from './toasts.js';

const $ = (id) => document.getElementById(id);

/** What this view applies; anything else on the channel (e.g. presence without the presence UI) is ignored. */
const APPLIED = new Set([
  'stocktake-status-changed',
  'stocktake-populated',
  'line-counted-updated',
  'line-movement-added',
  'line-movement-updated',
  'line-movement-deleted',
  'bulk-lines-updated',
]);

/** Read-only figures of a row: [field, heading, format]. */
const FIGURES = [
  ['openingQty', 'Opening', quantity],
  ['purchases', 'Purchases', quantity],
  ['waste', 'Waste', quantity],
  ['expectedQty', 'Expected', quantity],
];
const RESULTS = [
  ['countedQty', 'Counted', quantity],
  ['varianceQty', 'Variance', quantity],
  ['countedValue', 'Value', money],
  ['varianceValue', 'Variance value', money],
];
const COUNT_FIELDS = [
  ['countedFullUnits', 'Full units'],
  ['countedPartialUnits', 'Partial units'],
];

export function mountDetail(session, id) {
  const { api, live, presence } = session;
  const manager = session.role === 'manager';
  let stocktake;
  const lines = new Map();
  let stopped = false;
  let stopFollowing = () => {};
  let movementLine;
  $('list-view').hidden = true;
  $('detail-view').hidden = false;
  $('detail-heading').textContent = 'Loading…';
  $('categories').replaceChildren();

  let loads = 0;
  async function load() {
    const mine = ++loads;
    const data = await api.request(STOCKTAKE, { id });
    if (stopped || mine !== loads) return;
    stocktake = data.stocktake;
    lines.clear();
    for (const line of stocktake.lines) lines.set(line.id, line);
    renderAll();
  }

  async function start() {
    const channel = stocktakeChannel(session.hotel, id);
    // Where the channel is before loading, so nothing committed in between is missed (docs/realtime.md).
    const from = await api.latestSequence(channel);
    await load();
    if (stopped) return;
    stopFollowing = live.followStocktake(session.hotel, id, from, onEvent, restart);
    presence?.enter(id, { lineName: (lineId) => lines.get(lineId)?.itemName });
  }

  function restart() {
    stopFollowing();
    if (!stopped) start().catch(failed);
  }

  function onEvent(event) {
    if (presence?.handles(event)) return presence.apply(event);
    if (!APPLIED.has(event.name)) return;
    const known = event.lineId ? lines.get(String(event.lineId)) : undefined;
    // One notice per change, not per part of a bulk count.
    if (event.actor?.id !== session.me.id && event.part === 1)
      toast(describeEvent(event, known?.itemName ?? event.line?.itemName));
    if (event.name === 'bulk-lines-updated') {
      if (event.lines && !event.refetch) for (const line of event.lines) replaceLine(line);
      else load().catch(failed);
    } else if (event.line && !event.refetch) replaceLine(event.line);
    else if (event.lineId) refetchLine(event.lineId);
    else load().catch(failed);
  }

  async function refetchLine(lineId) {
    try {
      replaceLine((await api.request(LINE, { id: String(lineId) })).stocktakeLine, { force: true });
    } catch (error) {
      failed(error);
    }
  }

  function replaceLine(line, { force = false } = {}) {
    const current = lines.get(line.id);
    if (!stocktake || !current) return;
    if (!force && current.version > line.version) return;
    lines.set(line.id, line);
    const row = document.getElementById(`line-${line.id}`);
    if (row) fillRow(row, line);
    renderTotals();
  }

  // ---------- rendering ----------

  function renderAll() {
    $('detail-heading').textContent = `Stocktake ${period(stocktake)}`;
    document.title = `Stocktake ${period(stocktake)} — Stocktake Live demo`;
    renderStatus();
    renderTotals();
    const categories = new Map();
    for (const line of lines.values()) {
      if (!categories.has(line.categoryCode)) categories.set(line.categoryCode, []);
      categories.get(line.categoryCode).push(line);
    }
    $('categories').replaceChildren(...[...categories.values()].map(categoryTable));
    if (lines.size === 0) {
      const empty = document.createElement('p');
      empty.className = 'muted';
      empty.textContent = manager
        ? 'No lines yet: populate the stocktake to add a line for every active item.'
        : 'No lines yet: a manager has to populate the stocktake.';
      $('categories').append(empty);
    }
    applyLock();
    presence?.render();
  }

  function renderStatus() {
    const status = $('detail-status');
    status.textContent = stocktake.status;
    status.dataset.status = stocktake.status;
    $('locked-note').hidden = !stocktake.isLocked;
    $('locked-note').textContent = stocktake.isLocked
      ? `Approved${stocktake.approvedByName ? ` by ${stocktake.approvedByName}` : ''}: counts and movements are locked.`
      : '';
    $('populate').hidden = !manager || stocktake.isLocked;
    $('approve').hidden = !manager || stocktake.isLocked;
    $('reopen').hidden = !manager || !stocktake.isLocked;
  }

  function renderTotals() {
    const all = [...lines.values()];
    // Summed here from the lines on screen (exactly, in cents), so they follow every line event.
    $('detail-total-value').textContent = money(
      all.length ? sumMoney(all.map((line) => line.expectedValue)) : stocktake.totalValue,
    );
    const variance = all.length ? sumMoney(all.map((line) => line.varianceValue)) : stocktake.totalVarianceValue;
    $('detail-total-variance').textContent = money(variance);
    $('detail-total-variance').classList.toggle('negative', isNegative(variance));
  }

  function applyLock() {
    for (const control of $('categories').querySelectorAll('input, button')) control.disabled = stocktake.isLocked;
  }

  function categoryTable(categoryLines) {
    const table = document.createElement('table');
    const caption = document.createElement('caption');
    caption.textContent = categoryLines[0].categoryName;
    const head = document.createElement('thead');
    const headings = [
      'Item',
      ...FIGURES.map(([, heading]) => heading),
      ...COUNT_FIELDS.map(([, heading]) => heading),
      ...RESULTS.map(([, heading]) => heading),
      'Movements',
    ];
    const headRow = document.createElement('tr');
    headRow.append(
      ...headings.map((heading, index) => {
        const th = document.createElement('th');
        th.scope = 'col';
        th.textContent = heading;
        if (index > 0 && index < headings.length - 1) th.className = 'num';
        return th;
      }),
    );
    head.append(headRow);
    const body = document.createElement('tbody');
    body.append(...categoryLines.map(lineRow));
    table.append(caption, head, body);
    return table;
  }

  function lineRow(line) {
    const row = document.createElement('tr');
    row.id = `line-${line.id}`;
    row.dataset.sku = line.itemSku;
    const item = document.createElement('th');
    item.scope = 'row';
    item.textContent = `${line.itemName} `;
    const size = document.createElement('span');
    size.className = 'muted';
    size.textContent = `${line.itemSize} · ${line.itemSku}`;
    item.append(size);
    row.append(item);
    for (const [field] of FIGURES) row.append(figureCell(field));
    for (const [field, heading] of COUNT_FIELDS) {
      const td = document.createElement('td');
      td.className = 'num';
      const input = document.createElement('input');
      input.inputMode = 'decimal';
      input.dataset.field = field;
      input.setAttribute('aria-label', `${heading}, ${line.itemName} ${line.itemSize}`);
      input.addEventListener('change', () => saveCount(input));
      input.addEventListener('focus', () => presence?.editing(row.id.slice(5)));
      input.addEventListener('blur', () => presence?.stoppedEditing(row.id.slice(5)));
      td.append(input);
      row.append(td);
    }
    for (const [field] of RESULTS) row.append(figureCell(field));
    const actions = document.createElement('td');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary';
    button.textContent = 'Purchase / waste…';
    button.setAttribute('aria-label', `Record a purchase or waste of ${line.itemName} ${line.itemSize}`);
    button.addEventListener('click', () => openMovement(row.id.slice(5), button));
    actions.append(button);
    row.append(actions);
    fillRow(row, line, { initial: true });
    return row;
  }

  function figureCell(field) {
    const td = document.createElement('td');
    td.className = 'num';
    td.dataset.field = field;
    return td;
  }

  function fillRow(row, line, { initial = false } = {}) {
    for (const [field, , format] of [...FIGURES, ...RESULTS]) {
      const td = row.querySelector(`td[data-field="${field}"]`);
      td.textContent = format(line[field]);
      td.classList.toggle('negative', isNegative(line[field]));
    }
    for (const [field] of COUNT_FIELDS) {
      const input = row.querySelector(`input[data-field="${field}"]`);
      // Never overwrite what the user is typing; the figures around it still update.
      if (document.activeElement !== input || initial) input.value = quantity(line[field]);
    }
    if (!initial) {
      row.classList.remove('flash');
      void row.offsetWidth; // restart the highlight animation
      row.classList.add('flash');
    }
  }

  // ---------- editing ----------

  async function saveCount(input) {
    const lineId = input.closest('tr').id.slice(5);
    const line = lines.get(lineId);
    const value = input.value.trim();
    if (!line || value === quantity(line[input.dataset.field])) return;
    try {
      const { updateStocktakeLine } = await api.request(COUNT, {
        id: lineId,
        input: { [input.dataset.field]: value, expectedVersion: line.version },
      });
      replaceLine(updateStocktakeLine);
      input.value = quantity(updateStocktakeLine[input.dataset.field]);
    } catch (error) {
      toast(`Not saved: ${error.message}`);
      if (error.code === 'CONFLICT') await refetchLine(lineId);
      input.value = quantity(lines.get(lineId)[input.dataset.field]);
    }
  }

  function openMovement(lineId, opener) {
    const line = lines.get(lineId);
    movementLine = { id: lineId, opener };
    $('movement-line').textContent = `${line.itemName} ${line.itemSize} (${line.itemSku})`;
    $('movement-quantity').value = '';
    $('movement-error').textContent = '';
    $('movement-dialog').showModal();
    $('movement-quantity').focus();
  }

  const onMovementSubmit = async (event) => {
    event.preventDefault();
    if (!movementLine) return;
    try {
      const { addLineMovement } = await api.request(ADD_MOVEMENT, {
        lineId: movementLine.id,
        input: { movementType: $('movement-type').value, quantity: $('movement-quantity').value.trim() },
      });
      replaceLine(addLineMovement.line);
      $('movement-dialog').close();
    } catch (error) {
      $('movement-error').textContent = error.message;
    }
  };
  const onMovementClose = () => {
    movementLine?.opener.focus();
    movementLine = undefined;
  };
  const onMovementCancel = () => $('movement-dialog').close();

  // ---------- stocktake actions ----------

  const action = (mutation, done) => async () => {
    try {
      const data = await api.request(mutation, { id });
      if (done) toast(done(data));
      await load();
    } catch (error) {
      toast(`Not done: ${error.message}`);
    }
  };
  const onPopulate = action(POPULATE, (data) => `Populated: ${data.populateStocktake.linesCreated} lines added`);
  const onApprove = action(APPROVE);
  const onReopen = action(REOPEN);

  $('movement-form').addEventListener('submit', onMovementSubmit);
  $('movement-dialog').addEventListener('close', onMovementClose);
  $('movement-cancel').addEventListener('click', onMovementCancel);
  $('populate').addEventListener('click', onPopulate);
  $('approve').addEventListener('click', onApprove);
  $('reopen').addEventListener('click', onReopen);
  for (const button of ['populate', 'approve', 'reopen']) $(button).hidden = true;
  start().catch(failed);

  return () => {
    stopped = true;
    stopFollowing();
    presence?.leave();
    $('movement-form').removeEventListener('submit', onMovementSubmit);
    $('movement-dialog').removeEventListener('close', onMovementClose);
    $('movement-cancel').removeEventListener('click', onMovementCancel);
    $('populate').removeEventListener('click', onPopulate);
    $('approve').removeEventListener('click', onApprove);
    $('reopen').removeEventListener('click', onReopen);
  };
}

function failed(error) {
  console.error(error);
  toast(`Could not load the stocktake: ${error.message}`);
}
