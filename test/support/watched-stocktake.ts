/**
 * A populated stocktake with two screens on it: a graphql-ws subscriber to
 * the collaboration events (from the channel's current sequence) and a
 * pusher-js legacy frontend on its channel. Both close after the test.
 */
import { CollaborationEventsDocument } from '../__generated__/graphql';
import { currentSequence, graphqlSubscriber, legacyFrontend } from './realtime-clients';
import { stocktakeSteps } from './stocktakes';
import type { TestApp } from './test-app';

export async function watchedStocktake(t: TestApp, closers: Array<() => unknown>) {
  const stocktake = await stocktakeSteps(t).ready();
  const subscriber = graphqlSubscriber(t, await t.token());
  closers.push(() => subscriber.close());
  const events = subscriber.subscribe(CollaborationEventsDocument, {
    stocktakeId: stocktake.id,
    afterSequence: await currentSequence(t, stocktake.channel),
  });
  const legacy = await legacyFrontend(t);
  closers.push(() => legacy.close());
  const pusher = await legacy.listen(stocktake.channel);
  return { ...stocktake, events, pusher };
}
