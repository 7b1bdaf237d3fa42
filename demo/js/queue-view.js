/**
 * What the offline queue (offline-queue.js) holds for the stocktake on
 * screen: how many counts wait to be sent, and each count the API refused,
 * with the user's figures beside the line as it is now and the two ways out:
 * "Keep mine" (send it again on top of the current line) or "Keep theirs".
 */
import { quantity } from './format.js';

const $ = (id) => document.getElementById(id);

function why(conflict) {
  if (conflict.reason === 'STALE_VERSION') return 'the line changed before it reached the server';
  if (conflict.reason === 'LINE_LOCKED') return `${conflict.lockedBy?.name ?? 'someone else'} was editing the line`;
  return conflict.message;
}

const figures = (counts) =>
  `${quantity(counts.countedFullUnits)} full, ${quantity(counts.countedPartialUnits)} partial`;

/** Renders the queue status and the conflicts of the lines `lineOf` knows (the lines on screen). */
export function renderQueue(queue, { lineOf, offline }) {
  const waiting = queue.pending.filter((item) => lineOf(item.lineId)).length;
  const status = $('queue-status');
  status.hidden = waiting === 0;
  status.textContent = !waiting
    ? ''
    : `${waiting} ${waiting === 1 ? 'count' : 'counts'} ${offline ? 'waiting to be sent when back online' : 'being sent…'}`;

  const conflicts = queue.conflicts.filter((conflict) => lineOf(conflict.lineId));
  $('conflicts').hidden = conflicts.length === 0;
  $('conflicts-list').replaceChildren(
    ...conflicts.map((conflict) => {
      const line = lineOf(conflict.lineId);
      const item = document.createElement('li');
      item.dataset.lineId = conflict.lineId;
      const text = document.createElement('p');
      const name = document.createElement('strong');
      name.textContent = `${line.itemName} ${line.itemSize}`;
      const by = line.countedBy?.name ? ` by ${line.countedBy.name}` : '';
      text.append(
        name,
        `: your count (${figures(conflict.input)}) was not saved: ${why(conflict)}. `,
        `Now: ${figures(line)} = ${quantity(line.countedQty)} counted${by}.`,
      );
      const mine = button('Keep mine', `Keep mine: ${line.itemName} ${line.itemSize}`, () =>
        queue.keepMine(conflict.key, lineOf(conflict.lineId).version),
      );
      const theirs = button('Keep theirs', `Keep theirs: ${line.itemName} ${line.itemSize}`, () =>
        queue.keepTheirs(conflict.key),
      );
      theirs.className = 'secondary';
      const actions = document.createElement('div');
      actions.className = 'actions';
      actions.append(mine, theirs);
      item.append(text, actions);
      return item;
    }),
  );
}

function button(text, label, onClick) {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = text;
  element.setAttribute('aria-label', label);
  element.addEventListener('click', onClick);
  return element;
}
