// One person goes offline, sends two messages, reloads (history from IndexedDB, app shell from the service worker),
// comes back: both messages arrive once and in order, on both sides.
import { RUN, assert, baseUrlFromArgs, firstMessage, hostAndGuest, messageTexts, scenario, send, waitForThread, waitOnline } from './lib.mjs';

const base = baseUrlFromArgs();
const hankName = `Hank Offline ${RUN}`;
const aliceName = `Alice Offline ${RUN}`;

await scenario('offline', async ({ browser, log, pageConsole }) => {
  const { host: hank, guest: alice } = await hostAndGuest(browser, base, pageConsole, hankName, aliceName);
  await firstMessage(alice.page, hankName, 'Before going offline');
  await hank.page.getByTestId('conversation-item').filter({ hasText: aliceName }).click();
  await send(hank.page, 'Got it');
  await waitForThread(alice.page, ['Before going offline', 'Got it']);
  await alice.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  log('conversation started; the service worker is active');

  await alice.context.setOffline(true);
  await alice.page.locator('[data-testid="link-state"][data-link="offline"]').waitFor();
  await send(alice.page, 'Offline one');
  await send(alice.page, 'Offline two');
  await alice.page.getByTestId('pending-message').nth(1).waitFor();
  const pendingTexts = await alice.page.locator('[data-testid="pending-message"] .content').allTextContents();
  assert(JSON.stringify(pendingTexts) === JSON.stringify(['Offline one', 'Offline two']), `queued in order: ${pendingTexts}`);
  log('offline: two sends queued');

  await alice.page.reload();
  await alice.page.getByRole('region', { name: `Conversation with ${hankName}` }).waitFor();
  await waitForThread(alice.page, ['Before going offline', 'Got it'], { pending: 2 });
  const afterReload = await alice.page.locator('[data-testid="pending-message"] .content').allTextContents();
  assert(JSON.stringify(afterReload) === JSON.stringify(['Offline one', 'Offline two']), `still queued after reload: ${afterReload}`);
  await alice.page.locator('[data-testid="link-state"][data-link="offline"]').waitFor();
  const reach = await alice.page.evaluate(() => fetch('/health/live').then(() => 'reached', () => 'unreachable'));
  assert(reach === 'unreachable', 'the network really is down for the page: the shell came from the service worker');
  assert(await alice.page.evaluate(() => !!navigator.serviceWorker.controller), 'the reloaded page is served by the service worker');
  log('reloaded offline: history and the queue come from IndexedDB');

  await alice.context.setOffline(false);
  await waitOnline(alice.page);
  const expected = ['Before going offline', 'Got it', 'Offline one', 'Offline two'];
  await waitForThread(alice.page, expected);
  await waitForThread(hank.page, expected);
  log('back online: both sends delivered');

  for (const [who, page] of [['alice', alice.page], ['hank', hank.page]]) {
    const texts = await messageTexts(page);
    assert(JSON.stringify(texts) === JSON.stringify(expected), `${who} sees each message once, in order: ${JSON.stringify(texts)}`);
  }
  // Delivered once on the server too: the history over REST has no duplicate.
  const seqs = await hank.page.evaluate(async () => {
    const auth = await new Promise((resolve, reject) => {
      const open = indexedDB.open('humanchat');
      open.onsuccess = () => {
        const get = open.result.transaction('settings').objectStore('settings').get('auth');
        get.onsuccess = () => resolve(get.result.value);
        get.onerror = () => reject(get.error);
      };
      open.onerror = () => reject(open.error);
    });
    const conversations = await (await fetch('/api/conversations', { headers: { Authorization: `Bearer ${auth.accessToken}` } })).json();
    const id = conversations.items[0].conversationId;
    const history = await (await fetch(`/api/conversations/${id}/messages?limit=50`, { headers: { Authorization: `Bearer ${auth.accessToken}` } })).json();
    return history.items.map((m) => `${m.seq}:${m.content}`);
  });
  assert(
    JSON.stringify(seqs) === JSON.stringify(['1:Before going offline', '2:Got it', '3:Offline one', '4:Offline two']),
    `server history is contiguous without duplicates: ${JSON.stringify(seqs)}`,
  );
  log('server history: seq 1..4, no duplicate');
  await alice.context.close();
  await hank.context.close();
});
