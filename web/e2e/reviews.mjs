// A guest rates a session once it is completed, the host answers once, and the rating shows in Discover with the
// review behind it: book a free session five minutes out, accept, start, complete, rate 4/5, answer, look it up.
import { RUN, assert, baseUrlFromArgs, firstMessage, hostAndGuest, scenario, waitForThread } from './lib.mjs';

const base = baseUrlFromArgs();
const hankName = `Hank Rated ${RUN}`;
const aliceName = `Alice Rates ${RUN}`;

/** Waits for the thread's one session card to show `status`, and returns it. */
async function cardIn(page, status) {
  const card = page.locator(`[data-testid="session-card"][data-status="${status}"]`);
  await card.waitFor();
  return card;
}

await scenario('reviews', async ({ browser, log, pageConsole }) => {
  const { host: hank, guest: alice } = await hostAndGuest(browser, base, pageConsole, hankName, aliceName);
  await firstMessage(alice.page, hankName, 'Could we talk in a few minutes?');
  await hank.page.getByTestId('conversation-item').filter({ hasText: aliceName }).click();
  await waitForThread(hank.page, ['Could we talk in a few minutes?']);

  // A session that can start now: five minutes out (a session can be started from ten minutes before).
  await alice.page.getByRole('button', { name: 'Book a session', exact: true }).click();
  const dialog = alice.page.getByTestId('booking-dialog');
  await dialog.getByLabel('Later').check();
  const soon = await alice.page.evaluate(() => {
    const d = new Date(Date.now() + 5 * 60_000);
    const pad = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  });
  await dialog.getByLabel('Start').fill(soon);
  await dialog.getByRole('button', { name: 'Request session' }).click();
  await dialog.waitFor({ state: 'detached' });

  await (await cardIn(hank.page, 'requested')).getByRole('button', { name: 'Accept' }).click();
  await (await cardIn(alice.page, 'confirmed')).getByRole('button', { name: 'Start' }).click();
  await (await cardIn(hank.page, 'in_progress')).getByRole('button', { name: 'Complete' }).click();
  log('booked, accepted, started and completed from the thread');

  // Only the guest is asked to rate; the host sees nothing to answer yet.
  const aliceCard = await cardIn(alice.page, 'completed');
  const stars = aliceCard.getByRole('group', { name: 'Rate this session' });
  await stars.waitFor();
  assert((await stars.getByRole('radio').count()) === 5, 'five stars to choose from');
  const hankCard = await cardIn(hank.page, 'completed');
  assert((await hankCard.getByRole('group', { name: 'Rate this session' }).count()) === 0, 'the host cannot rate');

  await stars.getByRole('radio', { name: '4 stars' }).check();
  await aliceCard.getByLabel(/Review/).fill('Clear and kind, we ran over a little.');
  await aliceCard.getByRole('button', { name: 'Send rating' }).click();
  await aliceCard.getByText('You rated it 4/5').waitFor();
  assert((await aliceCard.getByRole('group', { name: 'Rate this session' }).count()) === 0, 'rated once: no form again');
  log('the guest rated it 4/5 with a review; the form is gone');

  await hank.page.reload();
  await hank.page.getByTestId('conversation-item').filter({ hasText: aliceName }).click();
  const reviewed = await cardIn(hank.page, 'completed');
  await reviewed.getByText(`${aliceName} rated it 4/5`).waitFor();
  await reviewed.getByLabel(/Your public answer/).fill('Thank you, Alice!');
  await reviewed.getByRole('button', { name: 'Answer' }).click();
  await reviewed.getByTestId('review-answer').filter({ hasText: 'Thank you, Alice!' }).waitFor();
  assert((await reviewed.getByRole('button', { name: 'Answer' }).count()) === 0, 'answered once: no form again');
  log('the host answered once');

  await alice.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Discover' }).click();
  await alice.page.getByLabel('Search hosts').fill(hankName);
  await alice.page.getByRole('button', { name: 'Search', exact: true }).click();
  const hostCard = alice.page.getByTestId('discover-host').filter({ hasText: hankName });
  const rating = await hostCard.getByTestId('host-rating').textContent();
  assert(/★\s*4(\.0)?\b/.test(rating) && /1 review/.test(rating), `Discover shows the rating: ${rating}`);
  await hostCard.getByRole('button', { name: `Reviews of ${hankName}` }).click();
  await hostCard.getByTestId('host-reviews').getByText('Clear and kind, we ran over a little.').waitFor();
  await hostCard.getByTestId('host-reviews').getByText('Thank you, Alice!').waitFor();
  log(`Discover: "${rating.trim()}", and the review with the host's answer`);
  if (process.env.SCREENSHOTS_DIR) {
    await alice.page.screenshot({ path: `${process.env.SCREENSHOTS_DIR}/reviews-discover.png` });
    await hank.page.screenshot({ path: `${process.env.SCREENSHOTS_DIR}/reviews-answered.png` });
  }
  await alice.context.close();
  await hank.context.close();
});
