// One live card per session in the thread: a free session goes requested → accepted → confirmed (the platform
// confirms a free session in the accept's step) → cancelled; each status change is a quiet line of history, the one
// card shows the current status and only the actions allowed now, for the guest and the host alike.
import { RUN, assert, baseUrlFromArgs, firstMessage, hostAndGuest, scenario, waitForThread } from './lib.mjs';

const base = baseUrlFromArgs();
const hankName = `Hank Card ${RUN}`;
const aliceName = `Alice Card ${RUN}`;

/** The single card's status and buttons, once the thread holds `lines` status lines and the card shows `status`. */
async function card(page, status, lines) {
  const shown = page.locator(`[data-testid="session-card"][data-status="${status}"]`);
  await shown.waitFor();
  // The actions and the time part load on demand with the first card: read the buttons once they are there.
  await shown.locator('.session-actions').waitFor({ state: 'attached' });
  if (status === 'confirmed') await shown.getByRole('button', { name: 'Propose a new time' }).waitFor();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="status-line"]').length === n, lines);
  const cards = page.getByTestId('session-card');
  assert((await cards.count()) === 1, `one card for the session, got ${await cards.count()}`);
  return cards.getByRole('button').allTextContents();
}

await scenario('session-card', async ({ browser, log, pageConsole }) => {
  const { host: hank, guest: alice } = await hostAndGuest(browser, base, pageConsole, hankName, aliceName);
  await firstMessage(alice.page, hankName, 'Could we talk on Friday?');
  await hank.page.getByTestId('conversation-item').filter({ hasText: aliceName }).click();
  await waitForThread(hank.page, ['Could we talk on Friday?']);

  await alice.page.getByRole('button', { name: 'Book a session', exact: true }).click();
  const dialog = alice.page.getByTestId('booking-dialog');
  await dialog.getByLabel('Later').check();
  await dialog.getByLabel('Start').fill(`${new Date(Date.now() + 4 * 24 * 3600_000).toISOString().slice(0, 10)}T10:00`);
  // A host without a price is booked free: the dialog says so instead of asking (the price is the host's).
  await dialog.getByTestId('booking-price').filter({ hasText: 'Free' }).waitFor();
  await dialog.getByRole('button', { name: 'Request session' }).click();
  await dialog.waitFor({ state: 'detached' });

  let buttons = await card(alice.page, 'requested', 1);
  assert(JSON.stringify(buttons) === JSON.stringify(['Cancel request']), `the guest can only cancel a request: ${buttons}`);
  buttons = await card(hank.page, 'requested', 1);
  assert(JSON.stringify(buttons) === JSON.stringify(['Accept', 'Decline', 'Cancel']), `the host decides: ${buttons}`);
  const when = await alice.page.getByTestId('session-card').locator('p').first().textContent();
  assert(/\b[A-Z]{2,5}\b|GMT|UTC/.test(when), `the session time names its zone: ${when}`);
  log(`requested: one card, the guest may cancel, the host accept or decline (${when})`);

  await hank.page.getByTestId('session-card').getByRole('button', { name: 'Accept' }).click();
  // requested → accepted → confirmed: two status changes in the accept's step, two more lines, still one card.
  // Four days ahead it cannot be started yet (from ten minutes before): the card says from when instead.
  for (const page of [hank.page, alice.page]) {
    buttons = await card(page, 'confirmed', 3);
    assert(
      JSON.stringify(buttons) === JSON.stringify(['Cancel', 'Join call', 'Add to calendar', 'Propose a new time']),
      `a confirmed session: ${buttons}`,
    );
    await page.getByTestId('session-card').getByTestId('startable-from').waitFor();
  }
  const history = await alice.page.getByTestId('status-line').allTextContents();
  assert(/requested/i.test(history[0]) && /accepted/i.test(history[1]) && /confirmed/i.test(history[2]), `history: ${history}`);
  log('accepted: the card shows it confirmed for both; the thread keeps the history as quiet lines');

  // Cancelling asks first, saying what it means for the money (a free session: nothing to refund).
  const aliceCard = alice.page.getByTestId('session-card');
  await aliceCard.getByRole('button', { name: 'Cancel' }).click();
  await aliceCard.getByTestId('refund-line').waitFor();
  await aliceCard.getByRole('button', { name: 'Yes, cancel' }).click();
  for (const page of [alice.page, hank.page]) {
    buttons = await card(page, 'cancelled', 4);
    assert(buttons.length === 0, `nothing to do with a cancelled session: ${buttons}`);
  }
  log('cancelled: the one card says so for both and offers nothing');
  await alice.context.close();
  await hank.context.close();
});
