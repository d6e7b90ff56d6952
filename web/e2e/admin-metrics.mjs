// An operator keeps the admin metrics open: the charts refresh on their own, and messages sent meanwhile show up in
// "messages per minute" without a reload; the users page searches by name and asks before suspending.
import { RUN, assert, baseUrlFromArgs, go, hostAndGuest, newPerson, openConversationFromDiscover, scenario, send, signInAsAdmin, waitForThread } from './lib.mjs';

const base = baseUrlFromArgs();
const hankName = `Hank Metrics ${RUN}`;
const SENT = 6;

const latest = (page) => page.getByTestId('chart-messages-per-minute').evaluate((el) => ({ value: Number(el.dataset.latest), points: Number(el.dataset.points) }));

await scenario('admin-metrics', async ({ browser, log, pageConsole }) => {
  const admin = await newPerson(browser, base, pageConsole, 'admin', { width: 390, height: 844 });
  await signInAsAdmin(admin.page, base);
  await go(admin.page, 'Admin');
  await admin.page.getByTestId('chart-messages-per-minute').waitFor();
  const before = await latest(admin.page);
  log(`metrics open: ${before.value} messages per minute, ${before.points} sample(s)`);

  const { host: hank, guest: alice } = await hostAndGuest(browser, base, pageConsole, hankName, `Alice Metrics ${RUN}`);
  await openConversationFromDiscover(alice.page, hankName);
  const texts = Array.from({ length: SENT }, (_, i) => `Counting ${i + 1}`);
  for (const text of texts) await send(alice.page, text);
  await waitForThread(alice.page, texts);

  // The snapshot counts the trailing minute, so it holds at least the messages just sent once it is refreshed.
  await admin.page.waitForFunction(
    ([want, points]) => {
      const el = document.querySelector('[data-testid="chart-messages-per-minute"]');
      return Number(el.dataset.latest) >= want && Number(el.dataset.points) > points;
    },
    [SENT, before.points],
    { timeout: 40_000 },
  );
  const after = await latest(admin.page);
  log(`without a reload the chart shows ${after.value} messages per minute over ${after.points} samples`);
  const active = await admin.page.getByTestId('chart-active-conversations').getAttribute('data-latest');
  assert(Number(active) >= 1, `the conversation counts as active: ${active}`);
  const overflow = await admin.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert(overflow <= 0, `nothing is cut off at 390 px: the page is ${overflow}px too wide`);

  await admin.page.getByRole('tab', { name: 'Users' }).click();
  await admin.page.getByLabel('Search users').fill(hankName);
  const row = admin.page.getByTestId('admin-user').filter({ hasText: hankName });
  await row.waitFor();
  // Only the one account matches (the list before the answer came is everyone's).
  await admin.page.waitForFunction(() => document.querySelectorAll('[data-testid="admin-user"]').length === 1);
  await row.getByRole('button', { name: `Suspend ${hankName}` }).click();
  const confirm = admin.page.getByTestId('confirm-dialog');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await confirm.waitFor({ state: 'detached' });
  assert((await row.textContent()).includes('Active'), 'cancelling the confirmation suspends nobody');
  await row.getByRole('button', { name: `Suspend ${hankName}` }).click();
  await confirm.getByLabel('Reason (kept in the audit log)').fill('e2e check');
  await confirm.getByRole('button', { name: 'Suspend' }).click();
  await row.getByText('Suspended', { exact: true }).waitFor();
  await row.getByRole('button', { name: `Restore ${hankName}` }).click();
  await row.getByText('Active', { exact: true }).waitFor();
  log('users: searched by name, suspend asked first, then suspended and restored');

  await admin.page.getByRole('tab', { name: 'Requests' }).click();
  await admin.page.getByText(/No requests yet|asks/).first().waitFor();
  const ids = await admin.page.locator('#admin-panel-requests').evaluate((el) => el.textContent.match(/[0-9a-f]{8}-[0-9a-f]{4}-/g) ?? []);
  assert(ids.length === 0, `requests show names, not ids: ${ids}`);
  await alice.context.close();
  await hank.context.close();
  await admin.context.close();
});
