// A scheduled session moves to another time with both sides' consent, and its calendar file follows: the guest books a
// free session three days out, the host accepts, the host proposes a new time from the session card, the guest accepts
// it, and the guest's "Add to calendar" downloads an .ics with the new time in UTC, SEQUENCE 1 and the session's page.
import { readFile } from 'node:fs/promises';
import { RUN, assert, baseUrlFromArgs, firstMessage, hostAndGuest, scenario, waitForThread } from './lib.mjs';

const base = baseUrlFromArgs();
const hostName = `Hana Moves ${RUN}`;
const guestName = `Gus Reschedules ${RUN}`;

/** The `datetime-local` value `days` days and `hours` hours from now in the page's zone, on a whole hour. */
function localIn(page, days, hours) {
  return page.evaluate(
    ([d, h]) => {
      const t = new Date(Date.now() + d * 86_400_000 + h * 3_600_000);
      t.setMinutes(0, 0, 0);
      const pad = (n) => String(n).padStart(2, '0');
      return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}T${pad(t.getHours())}:00`;
    },
    [days, hours],
  );
}

/** Waits for the thread's one session card to show `status`, and returns it. */
async function cardIn(page, status) {
  const card = page.locator(`[data-testid="session-card"][data-status="${status}"]`);
  await card.waitFor();
  return card;
}

await scenario('reschedule', async ({ browser, log, pageConsole }) => {
  const { host, guest } = await hostAndGuest(browser, base, pageConsole, hostName, guestName);
  await firstMessage(guest.page, hostName, 'Can we meet later this week?');
  await host.page.getByTestId('conversation-item').filter({ hasText: guestName }).click();
  await waitForThread(host.page, ['Can we meet later this week?']);

  await guest.page.getByRole('button', { name: 'Book a session', exact: true }).click();
  const dialog = guest.page.getByTestId('booking-dialog');
  await dialog.getByLabel('Later').check();
  await dialog.getByLabel('Start').fill(await localIn(guest.page, 3, 0));
  await dialog.getByRole('button', { name: 'Request session' }).click();
  await dialog.waitFor({ state: 'detached' });
  await (await cardIn(host.page, 'requested')).getByRole('button', { name: 'Accept' }).click();
  await cardIn(guest.page, 'confirmed');
  log('booked three days out and accepted');

  // The host proposes a new time; the guest sees it on the card and in the thread.
  const newLocal = await localIn(host.page, 4, 2);
  const newStart = await host.page.evaluate((local) => new Date(local).toISOString(), newLocal);
  const hostCard = await cardIn(host.page, 'confirmed');
  await hostCard.getByRole('button', { name: 'Propose a new time' }).click();
  await hostCard.getByLabel('New start (your time zone)').fill(newLocal);
  await hostCard.getByRole('button', { name: 'Propose', exact: true }).click();
  await hostCard.getByTestId('reschedule-waiting').waitFor();
  const guestCard = await cardIn(guest.page, 'confirmed');
  const proposal = guestCard.getByTestId('reschedule-proposal');
  await proposal.waitFor();
  await guest.page.getByText(/Reschedule proposed: move the session from/).first().waitFor();
  log(`the host proposed ${newStart}; the guest sees it on the card and in the thread`);
  if (process.env.SCREENSHOTS_DIR) {
    await guest.page.screenshot({ path: `${process.env.SCREENSHOTS_DIR}/reschedule-proposed.png` });
  }

  await proposal.getByRole('button', { name: 'Accept new time' }).click();
  await proposal.waitFor({ state: 'detached' });
  await guest.page.getByText(/Session rescheduled from .* \(the payment stays as it was\)/).first().waitFor();
  await hostCard.getByTestId('reschedule-waiting').waitFor({ state: 'detached' });
  log('the guest accepted; both cards show the new time');

  const downloading = guest.page.waitForEvent('download');
  await guestCard.getByRole('button', { name: 'Add to calendar' }).click();
  const download = await downloading;
  const ics = (await readFile(await download.path(), 'utf8')).replace(/\r\n[ \t]/g, '');
  const utc = newStart.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const sessionId = await guestCard.getAttribute('data-session-id');
  assert(download.suggestedFilename() === `humanchat-session-${sessionId}.ics`, `file name ${download.suggestedFilename()}`);
  assert(ics.startsWith('BEGIN:VCALENDAR'), 'an iCalendar file');
  assert(ics.includes(`UID:session-${sessionId}@humanchat`), 'the UID is the session’s');
  assert(ics.includes(`DTSTART:${utc}`), `DTSTART is the new time in UTC (${utc}): ${ics}`);
  assert(ics.includes('SEQUENCE:1'), 'SEQUENCE counts the move');
  assert(ics.includes(`/#/sessions/${sessionId}`), 'the session page (its video call) is linked');
  log(`the .ics has DTSTART:${utc}, SEQUENCE:1 and the session's page`);
  if (process.env.SCREENSHOTS_DIR) {
    await guest.page.screenshot({ path: `${process.env.SCREENSHOTS_DIR}/reschedule-accepted.png` });
    await host.page.screenshot({ path: `${process.env.SCREENSHOTS_DIR}/reschedule-host.png` });
  }
  await guest.context.close();
  await host.context.close();
});
