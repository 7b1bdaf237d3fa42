/**
 * The demo's shell: the token (kept in localStorage), the hotel picker
 * (from `me`), the transport chosen by `?transport=pusher|graphql`, and the
 * two screens by URL hash: `#/` the hotel's stocktakes, `#/stocktakes/ID`
 * one stocktake.
 */
import { ApiError, ME, createApi } from './api.js';
import { createConnectivity } from './connectivity.js';
import { mountDetail } from './detail-view.js';
import { mountList } from './list-view.js';
import { createGraphqlLive } from './live-graphql.js';
import { createPusherLive } from './live-pusher.js';
import { createOfflineQueue } from './offline-queue.js';
import { createPresence, presenceAvailable } from './presence.js';
import { toast } from './toasts.js';

const TOKEN_KEY = 'stocktake-demo-token';
const HOTEL_KEY = 'stocktake-demo-hotel';
const $ = (id) => document.getElementById(id);

const transportName = new URLSearchParams(location.search).get('transport') === 'graphql' ? 'graphql' : 'pusher';

let session;
let unmount = () => {};
let connectivity = createConnectivity();

function showConnection(state) {
  connectivity.liveState(state);
  const label = connectivity.offline
    ? 'Offline'
    : ({ connected: 'Live', connecting: 'Connecting…', initialized: 'Connecting…' }[state] ?? 'Reconnecting…');
  const element = $('connection');
  element.dataset.state = state;
  element.textContent = `${transportName === 'pusher' ? 'Pusher' : 'GraphQL'}: ${label}`;
}

async function signIn(token) {
  connectivity = createConnectivity();
  const api = createApi(token, { isOffline: () => connectivity.offline });
  // Side by side, as start-up waits for each round trip; the live connection only once the token proved good.
  const [{ me }, hasPresence] = await Promise.all([api.request(ME), presenceAvailable(api)]);
  if (!me.hotels.length) throw new ApiError('This token names no hotel', 'FORBIDDEN');
  const live = await (transportName === 'graphql' ? createGraphqlLive : createPusherLive)(api, showConnection);
  const presence = hasPresence ? createPresence(api, live, { me, connectivity }) : null;
  const queue = createOfflineQueue(api, connectivity, me.id);
  session = { api, me, live, presence, queue, connectivity, hotel: null, role: null };
  // Counts a reload found still waiting (kept in localStorage) go now if they can.
  void queue.flush();
  // For the browser tests and the curious, from the console.
  window.stocktakeDemo = session;

  $('offline').hidden = false;
  $('token-form').hidden = true;
  $('session').hidden = false;
  $('me-name').textContent = me.name;
  const picker = $('hotel');
  picker.replaceChildren(
    ...me.hotels.map((hotel) => new Option(`${hotel.name} (${hotel.identifier})`, hotel.identifier)),
  );
  const remembered = localStorage.getItem(HOTEL_KEY);
  if (me.hotels.some((hotel) => hotel.identifier === remembered)) picker.value = remembered;
  selectHotel(picker.value);
}

function selectHotel(identifier) {
  const hotel = session.me.hotels.find((candidate) => candidate.identifier === identifier);
  session.hotel = hotel.identifier;
  session.role = hotel.role;
  localStorage.setItem(HOTEL_KEY, hotel.identifier);
  $('role').textContent = `role: ${hotel.role}`;
  route();
}

function route() {
  if (!session) return;
  unmount();
  const match = /^#\/stocktakes\/([^/]+)$/.exec(location.hash);
  const mounted = match ? mountDetail(session, decodeURIComponent(match[1])) : mountList(session);
  unmount = mounted;
}

function signOut() {
  unmount();
  unmount = () => {};
  session?.live.close();
  session = undefined;
  setSimulatedBreak(false);
  localStorage.removeItem(TOKEN_KEY);
  $('session').hidden = true;
  $('offline').hidden = true;
  $('list-view').hidden = true;
  $('detail-view').hidden = true;
  $('token-form').hidden = false;
  $('token').focus();
}

/** The button says what it will do next (so no aria-pressed: its label changes instead). */
function setSimulatedBreak(offline) {
  connectivity.setSimulatedBreak(offline);
  $('offline').dataset.offline = String(offline);
  $('offline').textContent = offline ? 'Back online' : 'Simulate a network break';
  document.body.classList.toggle('offline', offline);
}

function init() {
  for (const name of ['pusher', 'graphql']) {
    const link = $(`transport-${name}`);
    link.href = `?transport=${name}${location.hash}`;
    if (name === transportName) link.setAttribute('aria-current', 'page');
  }
  window.addEventListener('hashchange', () => {
    for (const name of ['pusher', 'graphql']) $(`transport-${name}`).href = `?transport=${name}${location.hash}`;
    route();
  });
  // Shows catch-up (changes made while "offline" arrive in order once back) and counting offline (offline-queue.js).
  $('offline').addEventListener('click', () => {
    const offline = $('offline').dataset.offline !== 'true';
    setSimulatedBreak(offline);
    session?.live.setOffline(offline);
  });
  $('hotel').addEventListener('change', (event) => selectHotel(event.target.value));
  $('sign-out').addEventListener('click', signOut);
  $('token-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const token = $('token')
      .value.trim()
      .replace(/^Bearer\s+/i, '');
    $('token-error').textContent = '';
    try {
      await signIn(token);
      localStorage.setItem(TOKEN_KEY, token);
      $('token').value = '';
    } catch (error) {
      $('token-error').textContent = `That token did not work: ${error.message}`;
    }
  });
  const saved = localStorage.getItem(TOKEN_KEY);
  if (saved) {
    signIn(saved).catch((error) => {
      toast(`The saved token did not work (${error.message}): paste a new one`);
      signOut();
    });
  } else {
    $('token').focus();
  }
}

init();
