/**
 * The live demo (/demo) in a real browser: the original design's three
 * scenarios with two and three people at once, each in a browser context
 * of their own (own storage, own token, own connection), for both
 * variants: pusher-js on the legacy channels and graphql-ws subscriptions.
 * Plus catch-up: a change made while a window is offline shows once it is
 * back. Every wait is Playwright's own auto-waiting on DOM state.
 * With BROWSER_SCREENSHOTS=1, screenshots go to test-artifacts/browser/.
 *
 * One test file per variant (demo-pusher.test.ts, demo-graphql.test.ts), so
 * that the two run side by side on separate jest workers.
 */
import { writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Role } from '../../src/domain/viewer';
import { CHROMIUM_PATH, chromiumAvailable, launchChromium, ARTIFACTS, screenshot } from '../support/browser';
import { HOTEL } from '../support/fixtures';
import { LineHistoryDocument, PresenceDocument, StocktakeLineDocument } from '../__generated__/graphql';
import { stocktakeSteps } from '../support/stocktakes';
import { startTestApp, type TestApp } from '../support/test-app';
import { ok, waitUntil } from '../support/waiting';

/** The demo's two variants: pusher-js on the legacy channels, or graphql-ws subscriptions. */
export type Transport = 'pusher' | 'graphql';

/** How long a DOM expectation waits; generous, for a loaded 2-core machine. */
const UI_TIMEOUT = 20_000;

const PEOPLE = {
  aoife: { user: 'aoife', name: 'Aoife Byrne', role: 'manager' },
  brian: { user: 'brian', name: 'Brian Walsh', role: 'staff' },
  ciara: { user: 'ciara', name: 'Ciara Nolan', role: 'manager' },
} satisfies Record<string, { user: string; name: string; role: Role }>;

/** Registers the demo's scenarios for one variant: in a test file of their own, with Chromium, or a skip (or a failure
 * under REQUIRE_CHROMIUM=1) that says why. */
export function demoScenarios(transport: Transport): void {
  jest.setTimeout(120_000);
  // Without Chromium, `npm test` on a fresh machine skips these and says why; CI sets REQUIRE_CHROMIUM=1, where a
  // missing browser is a failure rather than a skip that checks nothing.
  if (!chromiumAvailable()) {
    const why = `no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
    if (process.env.REQUIRE_CHROMIUM === '1') {
      test('browser scenarios need Chromium (REQUIRE_CHROMIUM=1)', () => {
        throw new Error(`browser scenarios cannot run: ${why}`);
      });
    } else {
      test.skip(`browser scenarios skipped: ${why}`, () => {});
    }
  }

  (chromiumAvailable() ? describe : describe.skip)(`live demo over ${transport}`, () => {
    let t: TestApp;
    let browser: Browser;
    const contexts: BrowserContext[] = [];
    /** Milliseconds from one person's action to the other windows showing it (for the record, not asserted). */
    const timings: Record<string, number> = {};

    beforeAll(async () => {
      [t, browser] = await Promise.all([startTestApp(), launchChromium()]);
    });
    afterEach(async () => {
      await Promise.all(contexts.splice(0).map((context) => context.close()));
    });
    afterAll(async () => {
      writeFileSync(`${ARTIFACTS}/timings-${transport}.json`, `${JSON.stringify(timings, null, 2)}\n`);
      await browser?.close();
      await t?.close();
    });

    /**
     * One person's window on the demo, signed in with their own token, at `hash` (#/ or #/stocktakes/ID): a desktop
     * window, or with `phone` a phone's (390 × 844, touch).
     */
    async function open(person: keyof typeof PEOPLE, hash: string, { phone = false } = {}): Promise<Page> {
      const { user, name, role } = PEOPLE[person];
      const token = await t.token({ user, name, hotels: { [HOTEL]: role } });
      const context = await browser.newContext(
        phone
          ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
          : { viewport: { width: 1500, height: 900 } },
      );
      contexts.push(context);
      // The token as the sign-in form leaves it (the form itself is exercised in "signs in with a pasted token").
      await context.addInitScript({
        content: `localStorage.setItem('stocktake-demo-token', ${JSON.stringify(token)})`,
      });
      const page = await context.newPage();
      page.setDefaultTimeout(UI_TIMEOUT);
      // The page's own errors, in the test output when something goes wrong.
      page.on('pageerror', (error) => console.error(`${person}'s page: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') console.error(`${person}'s console: ${message.text()}`);
      });
      await page.goto(`http://127.0.0.1:${t.port}/demo/?transport=${transport}${hash}`);
      await page.locator('#connection[data-state="connected"]').waitFor();
      return page;
    }

    const row = (page: Page, sku: string) => page.locator(`#categories tr[data-sku="${sku}"]`);
    const field = (page: Page, sku: string, name: string) => row(page, sku).locator(`td[data-field="${name}"]`);

    /** Waits until the element's whole text is `text`. */
    async function shows(page: Page, selector: string, text: string): Promise<void> {
      await page.locator(selector, { hasText: new RegExp(`^${escape(text)}$`) }).waitFor();
    }
    async function showsField(page: Page, sku: string, name: string, text: string): Promise<void> {
      await field(page, sku, name)
        .filter({ hasText: new RegExp(`^${escape(text)}$`) })
        .waitFor();
    }
    async function inputShows(page: Page, sku: string, name: string, value: string): Promise<void> {
      const selector = `#categories tr[data-sku="${sku}"] input[data-field="${name}"]`;
      // (An expression, evaluated in the page: these tests compile without the DOM's types.)
      await page.waitForFunction(
        `document.querySelector(${JSON.stringify(selector)})?.value === ${JSON.stringify(value)}`,
      );
    }
    async function toast(page: Page, text: string): Promise<void> {
      await page.locator('#toasts .toast', { hasText: text }).waitFor();
    }

    test('signs in with a pasted token, picks the hotel from `me`, and remembers the token', async () => {
      const token = await t.token({ user: 'aoife', name: 'Aoife Byrne' });
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(UI_TIMEOUT);
      await page.goto(`http://127.0.0.1:${t.port}/demo?transport=${transport}`);
      await page.getByLabel('Token').fill('not-a-token');
      await page.getByRole('button', { name: 'Use this token' }).click();
      await page.locator('#token-error', { hasText: 'That token did not work' }).waitFor();

      await page.getByLabel('Token').fill(`Bearer ${token}`);
      await page.getByRole('button', { name: 'Use this token' }).click();
      await shows(page, '#me-name', 'Aoife Byrne');
      expect(await page.getByLabel('Hotel').inputValue()).toBe(HOTEL);
      await page.getByRole('heading', { name: 'Stocktakes' }).waitFor();
      await page.locator('#connection[data-state="connected"]').waitFor();

      await page.reload();
      await shows(page, '#me-name', 'Aoife Byrne');
      expect(await page.getByLabel('Token').isVisible()).toBe(false);
      await screenshot(page, `${transport}-0-signed-in-list`, { fullPage: true });
    });

    test('scenario 1: one person updates a count, the other sees it at once', async () => {
      const stocktake = await stocktakeSteps(t).ready();
      const hash = `#/stocktakes/${stocktake.id}`;
      const [a, b] = await Promise.all([open('aoife', hash), open('brian', hash)]);
      // B has loaded the line as it was: what changes next can only come over the live connection.
      await showsField(b, 'D0030', 'countedQty', '0.00');

      await row(a, 'D0030').getByLabel('Full units, Guinness 50Lt').fill('2');
      const acted = Date.now();
      await row(a, 'D0030').getByLabel('Full units, Guinness 50Lt').press('Enter');

      // 2 kegs of 88 pints = 176 counted, against 88 expected.
      await showsField(b, 'D0030', 'countedQty', '176.00');
      timings['count shown in the other window'] = Date.now() - acted;
      await showsField(b, 'D0030', 'varianceQty', '88.00');
      await showsField(b, 'D0030', 'countedValue', '€440.00');
      await inputShows(b, 'D0030', 'countedFullUnits', '2.00');
      await toast(b, 'Aoife Byrne counted Guinness: 176.00');
      await showsField(a, 'D0030', 'countedQty', '176.00');
      await screenshot(b, `${transport}-1-count-seen-by-b`, { fullPage: true });
    });

    test('scenario 2: a purchase updates purchases, expected and variance in the other window', async () => {
      const stocktake = await stocktakeSteps(t).ready();
      const hash = `#/stocktakes/${stocktake.id}`;
      const [a, b] = await Promise.all([open('aoife', hash), open('brian', hash)]);
      await showsField(b, 'D0030', 'purchases', '0.00');
      await showsField(b, 'D0030', 'expectedQty', '88.00');

      await a.getByRole('button', { name: 'Record a purchase or waste of Guinness 50Lt' }).click();
      const dialog = a.getByRole('dialog', { name: 'Record a movement' });
      await dialog.getByLabel('Type').selectOption('PURCHASE');
      await dialog.getByLabel('Quantity (servings)').fill('44');
      const acted = Date.now();
      await dialog.getByRole('button', { name: 'Add' }).click();
      await dialog.waitFor({ state: 'hidden' });

      await showsField(b, 'D0030', 'purchases', '44.00');
      timings['purchase shown in the other window'] = Date.now() - acted;
      await showsField(b, 'D0030', 'expectedQty', '132.00');
      await showsField(b, 'D0030', 'varianceQty', '-132.00');
      await showsField(b, 'D0030', 'varianceValue', '−€330.00');
      await toast(b, 'Aoife Byrne recorded a purchase of 44.00 on Guinness');
      await showsField(a, 'D0030', 'expectedQty', '132.00');
      await screenshot(b, `${transport}-2-purchase-seen-by-b`, { fullPage: true });
    });

    test('scenario 3: an approval locks every open view (list, detail, and the approver)', async () => {
      const stocktake = await stocktakeSteps(t).ready();
      const hash = `#/stocktakes/${stocktake.id}`;
      const [a, b, c] = await Promise.all([open('aoife', '#/'), open('brian', hash), open('ciara', hash)]);
      const listStatus = `#stocktakes tr[data-id="${stocktake.id}"] td[data-field="status"]`;
      await shows(a, listStatus, 'DRAFT');
      await shows(b, '#detail-status', 'DRAFT');
      await inputShows(b, 'D0030', 'countedFullUnits', '0.00');
      expect(await row(b, 'D0030').getByLabel('Full units, Guinness 50Lt').isEnabled()).toBe(true);

      // Approving asks first; the answer says how far the count had got.
      await c.getByRole('button', { name: 'Approve' }).click();
      const question = c.getByRole('dialog', { name: 'Approve this stocktake?' });
      await question
        .getByText(`${stocktake.lines.length} of ${stocktake.lines.length} lines are not counted yet`)
        .waitFor();
      const acted = Date.now();
      await question.getByRole('button', { name: 'Yes, approve' }).click();

      // A, on the list: the status and a notice.
      await shows(a, listStatus, 'APPROVED (locked)');
      timings['approval shown on the list'] = Date.now() - acted;
      const approved = `Ciara Nolan approved the stocktake (${stocktake.lines.length} lines not counted): it is now locked`;
      await toast(a, approved);
      // B, on the detail: the status, the lock note, a notice, and no control left enabled.
      await shows(b, '#detail-status', 'APPROVED');
      timings['approval shown on the other detail (after the list)'] = Date.now() - acted;
      await b.locator('#locked-note', { hasText: 'Approved by Ciara Nolan' }).waitFor();
      await toast(b, approved);
      await b.locator('#categories :is(input, button):enabled').first().waitFor({ state: 'detached' });
      // Per line: two count fields, Save, and the movement button.
      expect(await b.locator('#categories :is(input, button):disabled').count()).toBe(4 * stocktake.lines.length);
      // C, who approved: locked too, and offered Reopen instead of Approve.
      await shows(c, '#detail-status', 'APPROVED');
      await c.getByRole('button', { name: 'Reopen' }).waitFor();
      expect(await c.getByRole('button', { name: 'Approve' }).isVisible()).toBe(false);
      await Promise.all([
        screenshot(a, `${transport}-3-approved-list-a`, { fullPage: true }),
        screenshot(b, `${transport}-3-approved-detail-b`, { fullPage: true }),
      ]);

      // Reopening (asked first) unlocks B again.
      await c.getByRole('button', { name: 'Reopen' }).click();
      await c
        .getByRole('dialog', { name: 'Reopen this stocktake?' })
        .getByRole('button', { name: 'Yes, reopen' })
        .click();
      await shows(b, '#detail-status', 'DRAFT');
      await toast(b, 'Ciara Nolan reopened the stocktake');
      await b.locator('#categories :is(input, button):disabled').first().waitFor({ state: 'detached' });
    });

    test('catch-up: a change made while a window was offline shows when it reconnects', async () => {
      const steps = stocktakeSteps(t);
      const stocktake = await steps.ready();
      const b = await open('brian', `#/stocktakes/${stocktake.id}`);
      await showsField(b, 'D0030', 'countedQty', '0.00');

      await b.getByRole('button', { name: 'Simulate a network break' }).click();
      await b.locator('#connection:not([data-state="connected"])').waitFor();
      await steps.count(stocktake.guinness.id, '3');
      const back = Date.now();
      await b.getByRole('button', { name: 'Back online' }).click();

      await showsField(b, 'D0030', 'countedQty', '264.00');
      timings['missed count shown after reconnecting'] = Date.now() - back;
      await toast(b, 'Mary Manager counted Guinness: 264.00');
    });

    // Presence comes with the collaboration work; until the schema has it the demo shows none.
    test('presence: who is here, and "X is editing" while a count field has focus', async () => {
      const stocktake = await stocktakeSteps(t).ready();
      const hash = `#/stocktakes/${stocktake.id}`;
      const a = await open('aoife', hash);
      await a.locator('#presence', { hasText: 'Aoife Byrne' }).waitFor();
      const b = await open('brian', hash);
      await a.locator('#presence', { hasText: 'Brian Walsh' }).waitFor();
      await b.locator('#presence', { hasText: 'Aoife Byrne' }).waitFor();

      await b.locator('#presence', { hasText: 'Brian Walsh (you)' }).waitFor();

      await row(a, 'D0030').getByLabel('Full units, Guinness 50Lt').focus();
      await row(b, 'D0030').locator('.editing', { hasText: 'Aoife Byrne is editing' }).waitFor();
      await b.locator('#presence', { hasText: 'Aoife Byrne (editing Guinness)' }).waitFor();
      await screenshot(b, `${transport}-4-presence-editing`, { fullPage: true });

      await a.locator('#detail-heading').click();
      await row(b, 'D0030').locator('.editing').waitFor({ state: 'detached' });

      // The same token in a second window is the same person: never "Brian Walsh is editing" about Brian.
      const b2 = await open('brian', hash);
      await row(b, 'S0010').getByLabel('Full units, Jameson 70cl').focus();
      await row(a, 'S0010').locator('.editing', { hasText: 'Brian Walsh is editing' }).waitFor();
      await row(b2, 'S0010').locator('.editing', { hasText: 'You are editing this elsewhere' }).waitFor();
      await b2.locator('#presence', { hasText: 'Brian Walsh (you)' }).waitFor();
      expect(await b.locator('.editing').count()).toBe(0);
      expect(await b2.locator('.editing', { hasText: 'Brian Walsh' }).count()).toBe(0);
    });

    // ---------- counting on a phone (staff), issue 21 ----------

    const countField = (page: Page, sku: string, itemLabel: string) =>
      row(page, sku).getByLabel(`Full units, ${itemLabel}`);
    const lineOnServer = async (id: string) => ok(await t.graphql(StocktakeLineDocument, { id })).stocktakeLine;
    const lineState = (page: Page, sku: string, text: string) =>
      row(page, sku).locator('.line-state', { hasText: text }).waitFor();

    test('phone: a line found by search is counted, the next uncounted one is offered, progress moves in the other window', async () => {
      const stocktake = await stocktakeSteps(t).ready();
      const total = stocktake.lines.length;
      const hash = `#/stocktakes/${stocktake.id}`;
      const [a, b] = await Promise.all([open('aoife', hash, { phone: true }), open('brian', hash, { phone: true })]);
      await shows(a, '#progress-text', `0 of ${total} lines counted`);
      // Staff count; populating is a manager's, and an already populated stocktake offers it to nobody.
      expect(await a.getByRole('button', { name: 'Populate lines' }).isVisible()).toBe(false);

      await b.getByRole('searchbox', { name: 'Search' }).fill('jame');
      await shows(b, '#filter-summary', `Showing 1 of ${total} lines`);
      await countField(b, 'S0010', 'Jameson 70cl').fill('1');
      const acted = Date.now();
      await countField(b, 'S0010', 'Jameson 70cl').press('Enter');
      await lineState(b, 'S0010', 'Counted by you at');
      await shows(b, '#progress-text', `1 of ${total} lines counted`);

      await shows(a, '#progress-text', `1 of ${total} lines counted`);
      timings['progress shown in the other window'] = Date.now() - acted;
      await showsField(a, 'S0010', 'countedQty', '20.00');
      await lineState(a, 'S0010', 'Counted by Brian Walsh at');
      // Notices have a strip of their own below the lines: one never covers a row.
      const notice = a.locator('#toasts .toast', { hasText: 'Brian Walsh counted Jameson: 20.00' });
      await notice.waitFor();
      const [noticeBox, linesBox] = await Promise.all([notice.boundingBox(), a.locator('main').boundingBox()]);
      expect(noticeBox!.y).toBeGreaterThanOrEqual(linesBox!.y + linesBox!.height);
      await Promise.all([
        screenshot(b, `${transport}-5-phone-counted-by-search`),
        screenshot(a, `${transport}-5-phone-progress-other-window`),
      ]);

      // "Not counted yet": Jameson goes; Enter on Guinness saves it and offers the next line not counted.
      await b.getByRole('searchbox', { name: 'Search' }).fill('');
      await b.getByRole('checkbox', { name: 'Not counted yet' }).check();
      await shows(b, '#filter-summary', `Showing ${total - 1} of ${total} lines`);
      await countField(b, 'D0030', 'Guinness 50Lt').fill('2');
      await countField(b, 'D0030', 'Guinness 50Lt').press('Enter');
      await b.locator('#categories tr:not([data-sku="D0030"]):not([data-sku="S0010"]) input:focus').waitFor();
      await row(b, 'D0030').waitFor({ state: 'hidden' });
      await shows(a, '#progress-text', `2 of ${total} lines counted`);
    });

    test('phone: counts made offline wait and are sent once when back (even when an answer is lost); one that conflicts is shown, not lost, and kept on request', async () => {
      const steps = stocktakeSteps(t);
      const stocktake = await steps.ready();
      const { guinness } = stocktake;
      const jameson = stocktake.lines.find((line) => line.itemSku === 'S0010')!;
      const b = await open('brian', `#/stocktakes/${stocktake.id}`, { phone: true });
      await shows(b, '#filter-summary', `${stocktake.lines.length} lines`);

      await b.getByRole('button', { name: 'Simulate a network break' }).click();
      await b.locator('#connection:not([data-state="connected"])').waitFor();
      await countField(b, 'D0030', 'Guinness 50Lt').fill('2');
      await countField(b, 'D0030', 'Guinness 50Lt').press('Enter');
      await countField(b, 'S0010', 'Jameson 70cl').fill('1');
      await countField(b, 'S0010', 'Jameson 70cl').press('Enter');
      await lineState(b, 'D0030', 'Waiting to send (offline)');
      await lineState(b, 'S0010', 'Waiting to send (offline)');
      await shows(b, '#queue-status', '2 counts waiting to be sent when back online');
      await screenshot(b, `${transport}-6-phone-offline-counts-waiting`);

      // Meanwhile Mary counts Jameson: B's count of it is on top of a version that is gone (CONFLICT, STALE_VERSION).
      await steps.count(jameson.id, '2');
      // The first attempt (Guinness) reaches the server but its answer is lost: the page sends it again, same key.
      const keys: string[] = [];
      await b.route('**/graphql', async (route) => {
        const key = route.request().headers()['idempotency-key'];
        if (key) keys.push(key);
        if (key && keys.length === 1) {
          await route.fetch();
          await route.abort('connectionreset');
        } else {
          await route.fallback();
        }
      });
      await b.getByRole('button', { name: 'Back online' }).click();
      await showsField(b, 'D0030', 'countedQty', '176.00');
      await lineState(b, 'D0030', 'Counted by you at');
      const conflict = b.locator('#conflicts li', {
        hasText: 'Jameson 70cl: your count (1.00 full, 0.00 partial) was not saved',
      });
      await conflict.getByText('Now: 2.00 full, 0.00 partial = 40.00 counted by Mary Manager').waitFor();
      await showsField(b, 'S0010', 'countedQty', '40.00');
      await b.locator('#queue-status').waitFor({ state: 'hidden' });
      await conflict.scrollIntoViewIfNeeded();
      await screenshot(b, `${transport}-7-phone-offline-conflict`);

      // Guinness was counted once: both attempts had one key; one version on, one entry in the line's history.
      expect(keys).toHaveLength(3);
      expect(keys[1]).toBe(keys[0]);
      expect(await lineOnServer(guinness.id)).toMatchObject({
        countedFullUnits: '2.00',
        version: guinness.version + 1,
      });
      const history = ok(await t.graphql(LineHistoryDocument, { lineId: guinness.id })).lineHistory.edges;
      expect(
        history.map(({ node }) => [node.kind, node.by.name, node.lineVersion, node.after.countedFullUnits]),
      ).toEqual([['COUNT', 'Brian Walsh', guinness.version + 1, '2.00']]);

      // "Keep mine" sends B's Jameson again, on top of Mary's count (a new request, so a new key).
      await conflict.getByRole('button', { name: 'Keep mine: Jameson 70cl' }).click();
      await showsField(b, 'S0010', 'countedQty', '20.00');
      await b.locator('#conflicts').waitFor({ state: 'hidden' });
      expect(keys).toHaveLength(4);
      expect(new Set(keys).size).toBe(3);
      expect(await lineOnServer(jameson.id)).toMatchObject({ countedFullUnits: '1.00' });
    });

    test('phone: after a network break the user is back in "Here now" (and in the presence query)', async () => {
      const stocktake = await stocktakeSteps(t).ready();
      const hash = `#/stocktakes/${stocktake.id}`;
      const [a, b] = await Promise.all([open('aoife', hash, { phone: true }), open('brian', hash, { phone: true })]);
      await a.locator('#presence', { hasText: 'Brian Walsh' }).waitFor();
      const present = async () =>
        ok(await t.graphql(PresenceDocument, { stocktakeId: stocktake.id })).presence.map((entry) => entry.user.name);

      await b.getByRole('button', { name: 'Simulate a network break' }).click();
      await b.getByRole('button', { name: 'Back online' }).waitFor();
      // Over graphql-ws a join lasts as long as its connection: the break ends it (over HTTP it is renewed).
      if (transport === 'graphql')
        await a.locator('#presence', { hasText: 'Brian Walsh' }).waitFor({ state: 'detached' });
      await b.getByRole('button', { name: 'Back online' }).click();
      await b.locator('#connection[data-state="connected"]').waitFor();

      await a.locator('#presence', { hasText: 'Brian Walsh' }).waitFor();
      await b.locator('#presence', { hasText: 'Brian Walsh (you)' }).waitFor();
      await waitUntil(async () => (await present()).includes('Brian Walsh'), 'Brian present again');
      await screenshot(b, `${transport}-8-phone-presence-after-break`);
    });

    // What only a Pusher client has to do itself (graphql-ws streams are gap-free by the server).
    if (transport === 'pusher') {
      test('pusher: a message Pusher never delivered is fetched with channelEvents; a slim one is refetched', async () => {
        const steps = stocktakeSteps(t);
        const stocktake = await steps.ready();
        const line = (sku: string) => stocktake.lines.find((candidate) => candidate.itemSku === sku)!;
        const b = await open('brian', `#/stocktakes/${stocktake.id}`);
        await showsField(b, 'D0030', 'countedQty', '0.00');

        // Guinness' count is refused for good by Pusher (dead-lettered): B's socket never gets it...
        t.faults.refuseWhere((event) => event.name === 'line-counted-updated' && event.data.includes('"D0030"'), {
          status: 400,
        });
        await steps.count(line('D0030').id, '2');
        await waitUntil(async () => (await steps.relayStatus()).deadLettered === 1, 'the count dead-lettered');
        t.faults.clear();
        // ...so when Jameson's arrives with the next sequence but one, B reads the gap from channelEvents first.
        await steps.count(line('S0010').id, '1');
        await showsField(b, 'S0010', 'countedQty', '20.00');
        await showsField(b, 'D0030', 'countedQty', '176.00');

        // Over the (lowered) size limit the relay sends the slim form: ids, meta and refetch: true.
        t.faults.setMaxEventBytes(300);
        await steps.count(line('B0070').id, '1');
        await showsField(b, 'B0070', 'countedQty', '12.00');
        const slim = steps.acceptedOn(stocktake.channel).find((event) => event.data.includes('"refetch":true'));
        expect(slim?.name).toBe('line-counted-updated');
        t.faults.clear();
      });
    }
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
