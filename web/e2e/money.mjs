// Money in the browser, start to finish (issue 17): a host sets a price; a guest books a paid session; the host cannot
// accept it before connecting Stripe and is told so, connects (back from the Account Link to Settings) and accepts;
// the guest pays in the Payment Element (a declined
// card and a bank check first, each said in words), both see it confirmed live; the guest cancels after reading the
// refund line and both see the refund; a guest tips a host in chat and the thread says so on both sides; a guest asks
// for an introduction to a managed host and the manager approves it. Stripe.js is web/e2e/stripe-standin.js, talking
// to the local Stripe-shaped server (STRIPE_STANDIN_URL). Screenshots of each new view at phone and desktop sizes.
import { join } from 'node:path';
import {
  RUN,
  assert,
  baseUrlFromArgs,
  firstMessage,
  go,
  newPerson,
  scenario,
  screenshotDir,
  serveStripeStandIn,
  signUp,
  verifyEmail,
  waitOnline,
} from './lib.mjs';

const base = baseUrlFromArgs();
const dir = screenshotDir();
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const hostName = `Gabe Host ${RUN}`;
const guestName = `Gina Guest ${RUN}`;
const managedName = `Mona Managed ${RUN}`;
const managerName = `Manny Manager ${RUN}`;
const CARD = { succeeds: '4242424242424242', declined: '4000000000000002', check: '4000002500003155' };

/** The page as it is, at phone and at desktop size (then back to desktop, where the scenario works), `subject` in view. */
async function shoot(page, name, subject) {
  if (!dir) return;
  for (const [size, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(150); // layout settles (one pane below 760 px)
    await subject?.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(dir, `${size}-money-${name}.png`) });
  }
}

/** Pays in the open payment dialog with `card`; resolves with the outcome's kind once the sheet says it. */
async function payWith(page, card, amount) {
  const dialog = page.getByTestId('payment-dialog');
  await dialog.getByLabel('Card number').fill(card);
  await dialog.getByRole('button', { name: `Pay ${amount}` }).click();
  const outcome = dialog.getByTestId('payment-outcome');
  await outcome.waitFor();
  const kind = await outcome.getAttribute('data-kind');
  return { kind, text: await outcome.textContent() };
}

await scenario('money', async ({ browser, log, pageConsole }) => {
  const person = async (label) => {
    const p = await newPerson(browser, base, pageConsole, label, DESKTOP);
    await serveStripeStandIn(p.context);
    return p;
  };
  const host = await person('host');
  const guest = await person('guest');

  // The host: signs up, verifies the address (Stripe onboarding needs it), sets a price and welcomes tips.
  const hostEmail = await signUp(host.page, hostName, 'host');
  await verifyEmail(host.page, base, hostEmail);
  await waitOnline(host.page);
  await go(host.page, 'Settings');
  const profile = host.page.getByTestId('profile-settings');
  await profile.getByLabel('Bio').fill('Career coach. Salary talks, first 90 days, hard conversations.');
  await profile.getByLabel('Price per session').fill('25');
  await profile.getByLabel('Currency').fill('USD');
  await profile.getByLabel('Donations welcome').check();
  await profile.getByRole('button', { name: 'Save' }).click();
  await profile.getByText('Saved.').waitFor();
  await profile.getByLabel('Bio').fill('x'.repeat(2001));
  await profile.getByRole('button', { name: 'Save' }).click();
  await profile.getByText('The bio can be at most 2000 characters').waitFor();
  await profile.getByLabel('Bio').fill('Career coach. Salary talks, first 90 days, hard conversations.');
  log('the host set $25.00 per session and welcomes tips; the form refuses a bio over the limit in words');

  // The guest books: the price is the host's, not the guest's to choose.
  await signUp(guest.page, guestName);
  await firstMessage(guest.page, hostName, 'Could you help me prepare a salary talk?');
  await guest.page.getByRole('button', { name: 'Book a session', exact: true }).click();
  const booking = guest.page.getByTestId('booking-dialog');
  await booking.getByTestId('booking-price').getByText('$25.00 per session').waitFor();
  await booking.getByLabel('Later').check();
  // Three days ahead: cancelling then is more than 24 h before the start, so the payment comes back in full.
  const day = new Date(Date.now() + 3 * 24 * 3600_000).toISOString().slice(0, 10);
  await booking.getByLabel('Start').fill(`${day}T15:00`);
  await shoot(guest.page, 'booking-price');
  await booking.getByRole('button', { name: 'Request session' }).click();
  await booking.waitFor({ state: 'detached' });
  await guest.page.locator('[data-testid="session-card"][data-status="requested"]').waitFor();

  // Accepting a paid session before Stripe is connected: refused, in words, with the way to fix it.
  await go(host.page, 'Sessions');
  const requested = host.page.locator('[data-testid="session"][data-status="requested"]');
  await requested.getByRole('button', { name: 'Accept' }).click();
  const notReady = requested.getByTestId('payouts-not-ready');
  await notReady.getByText('Connect Stripe in Settings').waitFor();
  await shoot(host.page, 'payouts-not-ready', notReady);
  await notReady.getByRole('button', { name: 'Settings → Get paid' }).click();
  log('accepting before Stripe is connected says so, with a button to Settings → Get paid');

  // Get paid: the Account Link leads to Stripe's onboarding (the stand-in completes it) and back to Settings.
  const getPaid = host.page.getByTestId('get-paid');
  await getPaid.getByText('Not connected yet').waitFor();
  await getPaid.getByRole('button', { name: 'Connect Stripe' }).click();
  // The edge answers 503 "… retry" when the payments worker is slow to make the account: then, like a person, retry.
  const back = host.page.waitForURL((url) => url.hash === '#/settings?stripe=return').then(() => 'back');
  const refused = getPaid.getByRole('alert').waitFor().then(() => 'refused', () => 'back');
  if ((await Promise.race([back, refused])) === 'refused') {
    log(`onboarding answered "${await getPaid.getByRole('alert').textContent()}"; retrying`);
    await getPaid.getByRole('button', { name: /Stripe/ }).click();
  }
  await back;
  await waitOnline(host.page);
  await host.page.getByText('Back from Stripe').waitFor();
  await host.page.locator('[data-testid="get-paid"][data-ready="true"]').getByText('Payouts enabled: yes').waitFor();
  await shoot(host.page, 'settings-get-paid');
  log('the host connected Stripe and is back in Settings: charges and payouts enabled');

  await go(host.page, 'Sessions');
  await host.page.locator('[data-testid="session"][data-status="requested"]').getByRole('button', { name: 'Accept' }).click();
  await host.page.locator('[data-testid="session"][data-status="awaiting_payment"]').getByText("Waiting for the guest's payment").waitFor();
  log('the guest requested a $25.00 session; the host accepted; it awaits payment');

  // Paying: declined, then the bank's check, then a good card — each answered in words.
  const card = guest.page.locator('[data-testid="session-card"][data-status="awaiting_payment"]').last();
  await card.getByRole('button', { name: 'Pay $25.00' }).click();
  await guest.page.getByTestId('payment-dialog').getByLabel('Card number').waitFor();
  const declined = await payWith(guest.page, CARD.declined, '$25.00');
  assert(declined.kind === 'declined' && /declined/i.test(declined.text), `declined card: ${JSON.stringify(declined)}`);
  await shoot(guest.page, 'payment-declined');
  const check = await payWith(guest.page, CARD.check, '$25.00');
  assert(check.kind === 'requires_action' && /confirm/i.test(check.text), `bank check: ${JSON.stringify(check)}`);
  const paid = await payWith(guest.page, CARD.succeeds, '$25.00');
  assert(paid.kind === 'succeeded', `good card: ${JSON.stringify(paid)}`);
  await shoot(guest.page, 'payment-succeeded');
  await guest.page.getByTestId('payment-dialog').getByRole('button', { name: 'Close' }).click();
  log('declined, then a bank check, then paid: each said in words in the Payment Element');

  await guest.page.locator('[data-testid="session-card"][data-status="confirmed"]').last().waitFor();
  await host.page.locator('[data-testid="session"][data-status="confirmed"]').waitFor();
  log('both see the session confirmed, live');

  // Cancelling: the refund line first, then the refund on both sides.
  await go(guest.page, 'Sessions');
  const mine = guest.page.locator('[data-testid="session"][data-status="confirmed"]');
  await mine.getByRole('button', { name: 'Cancel', exact: true }).click();
  await mine.getByTestId('refund-line').getByText('You will be refunded $25.00').waitFor();
  await shoot(guest.page, 'cancel-refund-line');
  await mine.getByRole('button', { name: 'Yes, cancel' }).click();
  await guest.page.locator('[data-testid="session"][data-status="cancelled"]').waitFor();
  await host.page.locator('[data-testid="session"][data-status="cancelled"]').waitFor();
  await go(guest.page, 'Money');
  await guest.page.locator('[data-testid="payment-row"][data-refunded="2500"]').getByText('Refunded').waitFor();
  await shoot(guest.page, 'guest-payments');
  await go(host.page, 'Money');
  await host.page.locator('[data-testid="earning-row"][data-refunded="2500"]').waitFor();
  await shoot(host.page, 'host-earnings');
  log('the guest read "You will be refunded $25.00", cancelled, and both see the refund');

  // A tip in chat: the thread says so on both sides.
  await go(guest.page, 'Chats');
  await guest.page.getByTestId('conversation-item').filter({ hasText: hostName }).click();
  await guest.page.getByRole('button', { name: `Tip ${hostName}` }).click();
  const tip = guest.page.getByTestId('payment-dialog');
  await tip.getByLabel('Amount (USD)').fill('0.20');
  await tip.getByRole('button', { name: 'Continue to payment' }).click();
  await tip.getByText('A tip is between').waitFor();
  await tip.getByLabel('Amount (USD)').fill('5');
  await shoot(guest.page, 'tip-amount');
  await tip.getByRole('button', { name: 'Continue to payment' }).click();
  const tipped = await payWith(guest.page, CARD.succeeds, '$5.00');
  assert(tipped.kind === 'succeeded', `tip: ${JSON.stringify(tipped)}`);
  await tip.getByRole('button', { name: 'Close' }).click();
  const tipLine = `${guestName} tipped $5.00`;
  await guest.page.locator('[data-testid="message"].system .content', { hasText: tipLine }).waitFor();
  await go(host.page, 'Chats');
  await host.page.getByTestId('conversation-item').filter({ hasText: guestName }).click();
  const hostSeesTip = host.page.locator('[data-testid="message"].system .content', { hasText: tipLine });
  await hostSeesTip.waitFor();
  await shoot(host.page, 'tip-in-thread', hostSeesTip);
  log(`"${tipLine}" shows in the thread on both sides`);

  // A managed host: the manager accepts the host's invitation; a guest asks for an introduction; the manager approves.
  const managed = await person('managed');
  const manager = await person('manager');
  const managedEmail = await signUp(managed.page, managedName, 'host');
  await verifyEmail(managed.page, base, managedEmail);
  await waitOnline(managed.page);
  const managerEmail = await signUp(manager.page, managerName);
  await verifyEmail(manager.page, base, managerEmail);
  await waitOnline(manager.page);
  await go(managed.page, 'Settings');
  await managed.page.getByLabel('Invite a manager by e-mail').fill(managerEmail);
  await managed.page.getByRole('button', { name: 'Invite' }).click();
  await managed.page.getByText('invited, not accepted yet').waitFor();
  await go(manager.page, 'Settings');
  await manager.page.getByTestId('manager-invitations').getByRole('button', { name: 'Accept' }).click();
  await manager.page.getByText('you manage their requests').waitFor();
  log('the managed host invited a manager, who accepted in Settings');

  await go(guest.page, 'Discover');
  await guest.page.getByLabel('Search hosts').fill(managedName);
  await guest.page.getByRole('button', { name: 'Search', exact: true }).click();
  await guest.page.getByRole('button', { name: `Request an introduction to ${managedName}` }).click();
  await guest.page.getByLabel('Why do you want to talk?').fill('I would love twenty minutes about your book tour.');
  await shoot(guest.page, 'introduction-form');
  await guest.page.getByRole('button', { name: 'Send request' }).click();
  await guest.page.getByTestId('introduction-sent').waitFor();

  await go(manager.page, 'Sessions');
  const request = manager.page.locator('[data-testid="request"][data-status="pending"]');
  await request.getByText(`${guestName} asks to talk to ${managedName}`).waitFor();
  await request.getByLabel('Reason').fill('Happy to — Mona has time on Thursday.');
  await shoot(manager.page, 'manager-request');
  await request.getByRole('button', { name: 'Approve' }).click();
  await manager.page.locator('[data-testid="request"][data-status="approved"]').waitFor();
  await go(guest.page, 'Sessions');
  await guest.page.locator('[data-testid="request"][data-status="approved"]').getByText('Mona has time on Thursday').waitFor();
  log('the manager saw who asks whom, approved with a reason, and the guest sees it');

  for (const p of [host, guest, managed, manager]) await p.context.close();
});
