/**
 * `#/stocktakes/ID`: one stocktake's lines by category, live on its
 * channel. Line events carry the whole line, which replaces the row (a
 * newer `version` wins, so a replayed event never sets a row back); a slim
 * payload refetches the line it names; status and populate events reload
 * the stocktake.
 *
 * It is a count screen first (docs/demo.md, "Counting on a phone"): search
 * and filters above the lines, large count fields, Enter (or Save) saves the
 * line and moves to the next line not counted yet. Every count goes through
 * the offline queue (offline-queue.js) with the line's version, so a count
 * made without a network is sent when back, once, and a concurrent edit is a
 * conflict for the user to resolve instead of a silent overwrite. Purchases
 * and waste go through a dialog; approve and reopen ask first.
 */
import { ADD_MOVEMENT, APPROVE, LINE, POPULATE, REOPEN, STOCKTAKE } from './api.js';
import { stocktakeChannel } from './channels.js';
import { confirmAction } from './confirm.js';
import { mountFilters } from './count-filters.js';
import { describeEvent } from './describe-event.js';
import { isNegative, money, period, quantity, sumMoney } from './format.js';
import { isCounted, progressOf, renderProgress } from './progress.js';
import { renderQueue } from './queue-view.js';
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
/** What a count field accepts (the API checks it again): a decimal with up to 4 places. */
const COUNT_PATTERN = /^\d{1,9}(\.\d{1,4})?$/;

export function mountDetail(session, id) {
  const { api, live, presence, queue, connectivity } = session;
  const manager = session.role === 'manager';
  let stocktake;
  /** Stocktake.progress as last loaded or brought by an event; null when the lines on screen say more. */
  let progress = null;
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
    progress = stocktake.progress ?? null;
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
    // After the line, so that the event's figures are the ones shown.
    if (event.progress) {
      progress = event.progress;
      renderTotals();
    }
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
    if (row) {
      fillRow(row, line);
      filters.applyAll();
    }
    // Until an event brings the API's figures, the lines on screen are the freshest.
    progress = null;
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
    $('count-tools').hidden = lines.size === 0;
    filters.setCategories([...lines.values()]);
    filters.applyAll();
    showQueue();
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
    // Populating twice adds nothing: once there are lines the button goes.
    $('populate').hidden = !manager || stocktake.isLocked || lines.size > 0;
    $('approve').hidden = !manager || stocktake.isLocked;
    $('reopen').hidden = !manager || !stocktake.isLocked;
  }

  function renderTotals() {
    const all = [...lines.values()];
    // Summed here from the lines on screen (exactly, in cents), so it follows every line event.
    $('detail-total-value').textContent = money(
      all.length ? sumMoney(all.map((line) => line.expectedValue)) : stocktake.totalValue,
    );
    renderProgress(all.length ? (progress ?? progressOf(all)) : null);
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
      ['Item'],
      ...FIGURES.map(([, heading]) => [heading, 'num']),
      ...COUNT_FIELDS.map(([, heading]) => [heading, 'num']),
      ['', 'save'],
      ...RESULTS.map(([, heading]) => [heading, 'num']),
      ['Movements'],
    ];
    const headRow = document.createElement('tr');
    headRow.append(
      ...headings.map(([heading, className]) => {
        const th = document.createElement('th');
        th.scope = 'col';
        th.textContent = heading;
        if (className) th.className = className;
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
    row.dataset.lineId = line.id;
    row.dataset.sku = line.itemSku;
    const item = document.createElement('th');
    item.scope = 'row';
    item.textContent = `${line.itemName} `;
    const size = document.createElement('span');
    size.className = 'muted';
    size.textContent = `${line.itemSize} · ${line.itemSku}`;
    const state = document.createElement('span');
    state.className = 'line-state';
    item.append(size, state);
    row.append(item);
    for (const [field, heading] of FIGURES) row.append(figureCell(field, heading));
    for (const [field, heading] of COUNT_FIELDS) {
      const td = document.createElement('td');
      td.className = 'num count';
      const label = document.createElement('label');
      label.className = 'count-label';
      label.textContent = heading;
      label.setAttribute('aria-hidden', 'true');
      const input = document.createElement('input');
      input.inputMode = 'decimal';
      input.enterKeyHint = 'next';
      input.autocomplete = 'off';
      input.dataset.field = field;
      input.setAttribute('aria-label', `${heading}, ${line.itemName} ${line.itemSize}`);
      input.addEventListener('keydown', (event) => {
        if (event.key !== 'Enter') return;
        event.preventDefault();
        saveRow(row, { next: true });
      });
      label.addEventListener('click', () => input.focus());
      td.append(label, input);
      row.append(td);
    }
    const saveCell = document.createElement('td');
    saveCell.className = 'save';
    const save = document.createElement('button');
    save.type = 'button';
    save.textContent = 'Save';
    save.setAttribute('aria-label', `Save the count of ${line.itemName} ${line.itemSize}`);
    save.addEventListener('click', () => saveRow(row, { next: true }));
    saveCell.append(save);
    row.append(saveCell);
    // The editing lock is the row's: moving between its fields keeps it; leaving the row saves and lets go.
    row.addEventListener('focusin', () => {
      if (editingLine !== line.id) {
        editingLine = line.id;
        presence?.editing(line.id);
      }
    });
    row.addEventListener('focusout', (event) => {
      if (row.contains(event.relatedTarget)) return;
      saveRow(row, { next: false });
      if (editingLine === line.id) {
        editingLine = undefined;
        presence?.stoppedEditing(line.id);
      }
    });
    for (const [field, heading] of RESULTS) row.append(figureCell(field, heading));
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

  function figureCell(field, heading) {
    const td = document.createElement('td');
    td.className = 'num';
    td.dataset.field = field;
    // The heading again, for the phone layout where a row is a card and the table head is not shown.
    td.dataset.label = heading;
    return td;
  }

  function fillRow(row, line, { initial = false } = {}) {
    for (const [field, , format] of [...FIGURES, ...RESULTS]) {
      const td = row.querySelector(`td[data-field="${field}"]`);
      td.textContent = format(line[field]);
      td.classList.toggle('negative', isNegative(line[field]));
    }
    const waiting = queue.pendingFor(line.id);
    for (const [field] of COUNT_FIELDS) {
      const input = row.querySelector(`input[data-field="${field}"]`);
      // Never overwrite what the user is typing (or a count still to be sent); the figures around it still update.
      if (initial || (document.activeElement !== input && !waiting)) input.value = quantity(line[field]);
    }
    showLineState(row, line);
    if (!initial) {
      row.classList.remove('flash');
      void row.offsetWidth; // restart the highlight animation
      row.classList.add('flash');
    }
  }

  // ---------- editing ----------

  let editingLine;

  /** What the row's fields hold, or null (and the row says why) when a field is not a number. */
  function countsIn(row) {
    const counts = {};
    for (const [field, heading] of COUNT_FIELDS) {
      const value = row.querySelector(`input[data-field="${field}"]`).value.trim() || '0';
      if (!COUNT_PATTERN.test(value)) {
        showLineState(row, lines.get(row.dataset.lineId), `${heading}: enter a number, e.g. 2 or 0.5`);
        return null;
      }
      counts[field] = value;
    }
    return counts;
  }

  const sameCounts = (counts, other) =>
    COUNT_FIELDS.every(([field]) => quantity(counts[field]) === quantity(other[field]));

  /**
   * Saves the row's count through the queue (sent at once when online) and,
   * with `next`, moves to the next line not counted yet. A count equal to
   * what is saved (or waiting) is not sent again; an uncounted line saved
   * as it shows (zero) is a count.
   */
  function saveRow(row, { next }) {
    const line = lines.get(row.dataset.lineId);
    if (!line || stocktake.isLocked) return;
    const counts = countsIn(row);
    if (!counts) return;
    const waiting = queue.pendingFor(line.id);
    const unchanged = waiting ? sameCounts(counts, waiting.input) : isCounted(line) && sameCounts(counts, line);
    // Leaving a row the user never typed into is no count.
    const untouched = !next && !waiting && sameCounts(counts, line);
    if (!unchanged && !untouched) {
      queue.enqueue({
        lineId: line.id,
        itemName: `${line.itemName} ${line.itemSize}`,
        counts,
        expectedVersion: line.version,
      });
      void queue.flush();
    }
    if (next) moveToNextUncounted(row);
  }

  /** Focuses the count field of the next shown line not counted (nor waiting), after `row`, wrapping round. */
  function moveToNextUncounted(row) {
    const rows = [...$('categories').querySelectorAll('tbody tr')].filter((candidate) => !candidate.hidden);
    const start = rows.indexOf(row);
    const ordered = [...rows.slice(start + 1), ...rows.slice(0, Math.max(start, 0))];
    const target = ordered.find((candidate) => {
      const line = lines.get(candidate.dataset.lineId);
      return line && !isCounted(line) && !queue.pendingFor(line.id);
    });
    if (!target) {
      row.querySelector('input').blur();
      toast('No line shown is left to count');
      return;
    }
    const input = target.querySelector('input');
    input.focus({ preventScroll: true });
    input.select();
    target.scrollIntoView({ block: 'center' });
  }

  /** The line's state under its name: waiting to be sent, not counted yet, or who counted it and when. */
  function showLineState(row, line, problem) {
    const state = row.querySelector('.line-state');
    const waiting = queue.pendingFor(line.id);
    let text;
    let kind;
    if (problem) [text, kind] = [problem, 'problem'];
    else if (queue.conflicts.some((conflict) => conflict.lineId === line.id))
      [text, kind] = ['Not saved: see above', 'problem'];
    else if (waiting) [text, kind] = [connectivity.offline ? 'Waiting to send (offline)' : 'Sending…', 'waiting'];
    else if (!isCounted(line)) [text, kind] = ['Not counted yet', 'uncounted'];
    else [text, kind] = [countedText(line), 'counted'];
    state.textContent = text;
    state.dataset.state = kind;
    row.dataset.state = kind;
  }

  function countedText(line) {
    const when = new Date(line.countedAt);
    const time = when.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    const who = line.countedBy?.id === session.me.id ? 'you' : line.countedBy?.name;
    return who ? `Counted by ${who} at ${time}` : `Counted at ${time}`;
  }

  /** The queue's news: a sent count replaces its line; a refused one shows the line as it is now. */
  function onQueueChange(change) {
    if (change.line) replaceLine(change.line);
    if (change.type === 'conflict' && lines.has(change.item.lineId)) {
      toast(`Not saved: ${change.item.itemName}. Choose which count to keep.`);
      // The fresh line comes with a stale-version conflict; otherwise read it.
      if (!change.item.line) void refetchLine(change.item.lineId);
    }
    showQueue();
  }

  function showQueue() {
    if (!stocktake) return;
    renderQueue(queue, { lineOf: (lineId) => lines.get(lineId), offline: connectivity.offline });
    for (const row of $('categories').querySelectorAll('tbody tr')) {
      const line = lines.get(row.dataset.lineId);
      if (line) showLineState(row, line);
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

  const action = (mutation, done, question) => async () => {
    if (question && !(await confirmAction(question()))) return;
    try {
      const data = await api.request(mutation, { id });
      if (done) toast(done(data));
      await load();
    } catch (error) {
      toast(`Not done: ${error.message}`);
    }
  };
  const onPopulate = action(POPULATE, (data) => `Populated: ${data.populateStocktake.linesCreated} lines added`);
  const onApprove = action(APPROVE, approvedText, () => {
    const { countedLines, totalLines } = progress ?? progressOf([...lines.values()]);
    const uncounted = totalLines - countedLines;
    return {
      title: 'Approve this stocktake?',
      text: `${
        uncounted ? `${uncounted} of ${totalLines} lines are not counted yet. ` : 'Every line is counted. '
      }Approving locks every count and movement and records the variances as adjustments.`,
      yes: 'Yes, approve',
    };
  });
  const onReopen = action(REOPEN, null, () => ({
    title: 'Reopen this stocktake?',
    text: 'Reopening removes its adjustments and unlocks counts and movements.',
    yes: 'Yes, reopen',
  }));
  const filters = mountFilters({ lineOf: (row) => lines.get(row.dataset.lineId) });
  const stopQueue = queue.onChange(onQueueChange);
  const stopConnectivity = connectivity.whenChanged(showQueue);
  // Opened during a network break: load once back.
  const stopWaiting = connectivity.whenBack(() => {
    if (!stocktake) restart();
  });

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
    stopQueue();
    stopConnectivity();
    stopWaiting();
    filters.unmount();
    presence?.leave();
    $('movement-form').removeEventListener('submit', onMovementSubmit);
    $('movement-dialog').removeEventListener('close', onMovementClose);
    $('movement-cancel').removeEventListener('click', onMovementCancel);
    $('populate').removeEventListener('click', onPopulate);
    $('approve').removeEventListener('click', onApprove);
    $('reopen').removeEventListener('click', onReopen);
  };
}

function approvedText(data) {
  const { adjustmentsCreated, uncountedLines } = data.approveStocktake;
  return uncountedLines
    ? `Approved: ${adjustmentsCreated} adjustments; ${uncountedLines} lines were not counted`
    : `Approved: ${adjustmentsCreated} adjustments`;
}

function failed(error) {
  console.error(error);
  toast(`Could not load the stocktake: ${error.message}`);
}
