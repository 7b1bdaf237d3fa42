/**
 * `#/`: the hotel's stocktakes, live on the list channel. Any list event
 * reloads the list (one small query), so a slim payload needs nothing
 * special; someone else's change also shows a toast.
 */
import { CREATE, STOCKTAKES } from './api.js';
import { listChannel } from './channels.js';
import { describeEvent } from './describe-event.js';
import { money, period } from './format.js';
import { toast } from './toasts.js';

const $ = (id) => document.getElementById(id);

export function mountList(session) {
  const { api, live } = session;
  let stopped = false;
  let stopFollowing = () => {};
  $('detail-view').hidden = true;
  $('list-view').hidden = false;
  $('create-form').hidden = session.role !== 'manager';
  document.title = 'Stocktakes — Stocktake Live demo';

  // Only the latest load renders, so two events in quick succession never leave the older list on screen.
  let loads = 0;
  async function load() {
    const mine = ++loads;
    const { stocktakes } = await api.request(STOCKTAKES, { hotel: session.hotel });
    if (!stopped && mine === loads) render(stocktakes.nodes);
  }

  async function start() {
    // Where the channel is before loading, so nothing committed in between is missed (docs/realtime.md).
    const from = await api.latestSequence(listChannel(session.hotel));
    await load();
    if (stopped) return;
    stopFollowing = live.followList(session.hotel, from, onEvent, restart);
  }

  function restart() {
    stopFollowing();
    if (!stopped) start().catch(failed);
  }

  function onEvent(event) {
    if (event.actor?.id !== session.me.id) toast(describeEvent(event));
    load().catch(failed);
  }

  const onCreate = async (event) => {
    event.preventDefault();
    try {
      const { createStocktake } = await api.request(CREATE, {
        hotel: session.hotel,
        input: { periodStart: $('period-start').value, periodEnd: $('period-end').value },
      });
      location.hash = `#/stocktakes/${createStocktake.id}`;
    } catch (error) {
      toast(`Not created: ${error.message}`);
    }
  };
  $('create-form').addEventListener('submit', onCreate);
  start().catch(failed);

  return () => {
    stopped = true;
    stopFollowing();
    $('create-form').removeEventListener('submit', onCreate);
  };
}

function failed(error) {
  console.error(error);
  toast(`Could not load the stocktakes: ${error.message}`);
}

function render(stocktakes) {
  const body = document.querySelector('#stocktakes tbody');
  body.replaceChildren(
    ...stocktakes.map((stocktake) => {
      const row = document.createElement('tr');
      row.dataset.id = stocktake.id;
      const link = document.createElement('a');
      link.href = `#/stocktakes/${encodeURIComponent(stocktake.id)}`;
      link.textContent = period(stocktake);
      const status = document.createElement('td');
      status.className = 'status';
      status.dataset.field = 'status';
      status.dataset.status = stocktake.status;
      status.textContent = stocktake.isLocked ? `${stocktake.status} (locked)` : stocktake.status;
      row.append(
        cell(link),
        status,
        cell(String(stocktake.lineCount), 'num'),
        cell(money(stocktake.totalValue), 'num'),
        cell(money(stocktake.totalVarianceValue), 'num'),
      );
      return row;
    }),
  );
  $('list-empty').hidden = stocktakes.length > 0;
}

function cell(content, className) {
  const td = document.createElement('td');
  if (className) td.className = className;
  td.append(content);
  return td;
}
