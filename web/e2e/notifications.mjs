// Issue 19 in the browser: while the host's tab is hidden, its title carries the unread total and browser notifications
// (Notification API, permission granted through the browser context) announce a missed message and a session request;
// back on the tab, the bell's list fills with them and empties as they are read.
import { RUN, baseUrlFromArgs, firstMessage, hostAndGuest, scenario, send, waitOnline } from './lib.mjs';

const base = baseUrlFromArgs();
const hostName = `Nora Notified ${RUN}`;
const guestName = `Gil Guest ${RUN}`;

/** Records every browser notification the page raises (a real one is still shown: the recorder extends it). */
function recordNotifications() {
  window.__raised = [];
  const Real = window.Notification;
  class Recorded extends Real {
    constructor(title, options) {
      super(title, options);
      window.__raised.push({ title, body: options?.body ?? '' });
    }
  }
  Object.defineProperty(Recorded, 'permission', { get: () => Real.permission });
  window.Notification = Recorded;
}

/** Headless Chromium keeps a lone tab visible: the page is told it is hidden (or shown) as a browser would. */
async function setHidden(page, hidden) {
  await page.evaluate((hidden) => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

await scenario('notifications', async ({ browser, log, pageConsole }) => {
  const { host, guest } = await hostAndGuest(browser, base, pageConsole, hostName, guestName);
  await host.context.grantPermissions(['notifications'], { origin: base });
  await host.context.addInitScript(recordNotifications);
  await host.page.reload();
  await waitOnline(host.page);
  const permission = await host.page.evaluate(() => Notification.permission);
  if (permission !== 'granted') throw new Error(`notification permission is ${permission}`);

  await setHidden(host.page, true);
  log('the host\'s tab is hidden');

  await firstMessage(guest.page, hostName, 'Are you free this week?');
  await guest.page.getByRole('button', { name: 'Book a session', exact: true }).click();
  const dialog = guest.page.getByTestId('booking-dialog');
  await dialog.getByLabel('Later').check();
  await dialog.getByRole('button', { name: 'Request session' }).click();
  await dialog.waitFor({ state: 'detached' });
  log('the guest wrote and requested a session');

  // 1 unread message + its digest (after the notifier's 3 s delay) + the session request
  const state = () => host.page.evaluate(() => `title "${document.title}", raised ${JSON.stringify(window.__raised)}`);
  await host.page
    .waitForFunction(() => document.title === '(3) HumanChat', null, { timeout: 30_000 })
    .catch(async (e) => {
      throw new Error(`${e.message}; ${await state()}`);
    });
  log(`hidden tab title: ${await host.page.title()}`);
  await host.page
    .waitForFunction((guest) => window.__raised.some((n) => n.title === `${guest} requested a session`), guestName, {
      timeout: 30_000,
    })
    .catch(async (e) => {
      throw new Error(`${e.message}; ${await state()}`);
    });
  const raised = await host.page.evaluate(() => window.__raised.map((n) => n.title));
  if (!raised.includes('New message')) throw new Error(`no browser notification for the message: ${raised.join(' | ')}`);
  log(`browser notifications raised while hidden: ${raised.join(' | ')}`);

  await setHidden(host.page, false);
  await host.page.waitForFunction(() => document.title === 'HumanChat');
  const bell = host.page.getByTestId('notification-bell');
  await host.page.locator('[data-testid="notification-bell"][data-unread="2"]').waitFor();
  await bell.click();
  const list = host.page.getByRole('region', { name: 'Notifications' });
  await list.locator('[data-testid="notification"][data-read="false"]').nth(1).waitFor();
  if ((await list.getByTestId('notification').count()) !== 2) throw new Error('the list should hold two notifications');
  log('back on the tab: the bell shows 2 and its list holds both, unread');

  await list.getByRole('button', { name: new RegExp(`${guestName} requested a session`) }).click();
  await host.page.locator('[data-testid="session"][data-status="requested"]').waitFor();
  await host.page.locator('[data-testid="notification-bell"][data-unread="1"]').waitFor();
  log('opening the request marked it read: 1 left, and the Sessions view shows the request');

  await bell.click();
  await list.getByRole('button', { name: 'Mark all read' }).click();
  await host.page.locator('[data-testid="notification-bell"][data-unread="0"]').waitFor();
  await list.locator('[data-testid="notification"][data-read="true"]').nth(1).waitFor();
  if ((await list.locator('[data-testid="notification"][data-read="false"]').count()) !== 0) {
    throw new Error('an item stayed unread');
  }
  log('mark all read emptied the count; both items show as read');

  // Muted, the conversation still receives messages but raises nothing: no title count, no browser notification, no
  // digest in the bell.
  await host.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Chats' }).click();
  await host.page.getByTestId('conversation-item').filter({ hasText: guestName }).click();
  await host.page.getByRole('button', { name: `Mute ${guestName}` }).click();
  await host.page.getByRole('button', { name: `Unmute ${guestName}`, pressed: true }).waitFor();
  await host.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Discover' }).click();
  const raisedBefore = await host.page.evaluate(() => window.__raised.length);
  await setHidden(host.page, true);
  await send(guest.page, 'Still there?');
  await host.page.waitForFunction(async () => {
    const open = indexedDB.open('humanchat');
    await new Promise((resolve) => (open.onsuccess = resolve));
    const all = open.result.transaction('conversations').objectStore('conversations').getAll();
    await new Promise((resolve) => (all.onsuccess = resolve));
    return all.result.some((c) => c.lastMessage?.content === 'Still there?' && c.unreadCount === 1);
  });
  await host.page.waitForTimeout(6_000); // past the notifier's 3 s unread delay
  const after = await host.page.evaluate(() => ({ title: document.title, raised: window.__raised.length }));
  if (after.title !== 'HumanChat' || after.raised !== raisedBefore) throw new Error(`a muted conversation notified: ${JSON.stringify(after)}`);
  if ((await host.page.locator('[data-testid="notification-bell"][data-unread="0"]').count()) !== 1) throw new Error('a muted conversation reached the bell');
  log('muted: the message arrived unread, the hidden tab kept its title and raised nothing, the bell stayed at 0');
  await host.context.close();
  await guest.context.close();
});
