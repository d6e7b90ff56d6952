// Scheduling: a host in Berlin (or, while it is night there, in another zone where it is day) sets weekly hours
// (several ranges a day, lengths offered); a guest whose browser is in New York books from the calendar of free slots,
// each shown at the guest's own wall-clock time with the host's zone named; the host accepts, the guest moves it to
// another slot of the same calendar, the host accepts, and the guest's .ics has the new start in UTC with SEQUENCE:1;
// the host then opens today's hours from a few minutes from now, the guest's reopened calendar offers them at once,
// the session moves there, is started, completed and rated, and Discover shows the rating.
import { readFile } from 'node:fs/promises';
import { RUN, TIMEOUT, assert, baseUrlFromArgs, firstMessage, scenario, screenshotDir, signUp, waitForThread } from './lib.mjs';

const base = baseUrlFromArgs();
const hostName = `Hanna Hours ${RUN}`;
const guestName = `Gus NewYork ${RUN}`;
// The last step opens the host's hours from a few minutes from now until midnight, so the host's zone must be in its
// daytime whenever the scenario runs: Berlin, else the first of these where it is between 06:00 and 18:00.
const HOST_ZONE = ['Europe/Berlin', 'Asia/Tokyo', 'Asia/Kolkata', 'America/Los_Angeles'].find((timeZone) => {
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
  return hour >= 6 && hour < 18;
});
const HOST_CITY = HOST_ZONE.split('/')[1].replaceAll('_', ' ');
const GUEST_ZONE = 'America/New_York';

/** A person whose browser runs in `timezoneId` (Playwright overrides the page's time zone). */
async function personIn(browser, pageConsole, label, timezoneId) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, baseURL: base, timezoneId });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  page.on('console', (m) => pageConsole.push(`${label} ${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => pageConsole.push(`${label} pageerror: ${e.message}`));
  await page.goto('/');
  return { context, page };
}

await scenario('scheduling', async ({ browser, log, pageConsole }) => {
  const host = await personIn(browser, pageConsole, 'host', HOST_ZONE);
  const guest = await personIn(browser, pageConsole, 'guest', GUEST_ZONE);
  await signUp(host.page, hostName, 'host');
  await signUp(guest.page, guestName);

  // The host: Settings → Availability; the zone defaults to the browser's, weekdays 09:00–17:00.
  await host.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await host.page.getByTestId('availability-link').click();
  const form = host.page.getByTestId('availability-form');
  await form.waitFor();
  const zone = await form.getByLabel('Time zone').inputValue();
  assert(zone === HOST_ZONE, `the zone defaults to the browser's: ${zone}`);
  // A second range on Monday and hours on Saturday: several ranges a day
  await form.getByRole('button', { name: 'Add hours on Monday' }).click();
  await form.getByRole('group', { name: 'Monday' }).getByLabel('Monday from').nth(1).fill('18:00');
  await form.getByRole('group', { name: 'Monday' }).getByLabel('Monday until').nth(1).fill('20:00');
  await form.getByRole('button', { name: 'Add hours on Saturday' }).click();
  await form.getByLabel('Buffer after (minutes)').fill('15');
  await form.getByLabel('30 min').check();
  await form.getByRole('button', { name: 'Save availability' }).click();
  await form.getByTestId('availability-saved').waitFor();
  log(`the host published weekly hours in ${zone} (Monday twice, Saturday, 30 and 60 minutes, 15 minutes after)`);
  const shots = screenshotDir();
  if (shots) {
    await host.page.getByRole('heading', { name: 'Availability', level: 1 }).scrollIntoViewIfNeeded();
    await host.page.screenshot({ path: `${shots}/scheduling-availability.png` });
  }

  // The guest, in New York: the booking dialog is a calendar of the host's free slots in the guest's zone.
  await firstMessage(guest.page, hostName, 'Could we find a time this week?');
  await waitForThread(guest.page, ['Could we find a time this week?']);
  await guest.page.getByRole('button', { name: 'Book a session', exact: true }).click();
  const dialog = guest.page.getByTestId('booking-dialog');
  await dialog.getByLabel('Later').check();
  const calendar = dialog.getByTestId('slot-calendar');
  await calendar.waitFor();
  const zones = await calendar.getByTestId('slot-zones').textContent();
  assert(zones.includes('America/New York') && zones.includes(HOST_ZONE.replaceAll('_', ' ')), `both zones named: ${zones}`);
  await calendar.getByLabel('Length').selectOption('60');
  const first = calendar.getByRole('radio').first();
  await first.waitFor();
  const start = await first.getAttribute('value');
  const label = (await calendar.locator('label.slot').first().textContent()).trim();
  const [inNewYork, atHost, hostHour] = await guest.page.evaluate(
    ([iso, guestZone, hostZone]) => [
      ...[guestZone, hostZone].map((timeZone) => new Intl.DateTimeFormat(undefined, { timeZone, hour: '2-digit', minute: '2-digit' }).format(new Date(iso))),
      Number(new Intl.DateTimeFormat('en-GB', { timeZone: hostZone, hour: '2-digit', hourCycle: 'h23' }).format(new Date(iso))),
    ],
    [start, GUEST_ZONE, HOST_ZONE],
  );
  assert(label === inNewYork, `the slot shows the guest's wall-clock time ${inNewYork}, not ${label}`);
  assert(inNewYork !== atHost, `New York and ${HOST_CITY} differ for ${start}: ${inNewYork} / ${atHost}`);
  assert(hostHour >= 9 && hostHour < 20, `the slot is within the host's hours in ${HOST_CITY}: ${atHost}`);
  log(`first free slot ${start}: ${inNewYork} in New York (${atHost} in ${HOST_CITY})`);
  await first.check();
  if (shots) await guest.page.screenshot({ path: `${shots}/scheduling-booking-calendar.png` });
  await dialog.getByRole('button', { name: 'Request session' }).click();
  await dialog.waitFor({ state: 'detached' });

  const card = guest.page.locator('[data-testid="session-card"][data-status="requested"]');
  await card.waitFor();
  const booked = await guest.page.evaluate(async () => {
    const open = indexedDB.open('humanchat');
    await new Promise((resolve) => (open.onsuccess = resolve));
    const all = open.result.transaction('sessions').objectStore('sessions').getAll();
    await new Promise((resolve) => (all.onsuccess = resolve));
    return all.result.map((s) => s.startTime);
  });
  assert(booked.some((s) => new Date(s).getTime() === new Date(start).getTime()), `the session starts at the slot: ${booked}`);
  log('the guest booked the slot; the thread shows the requested session');

  // The slot is taken now: the calendar no longer offers it.
  await guest.page.getByRole('button', { name: 'Book a session', exact: true }).click();
  const again = guest.page.getByTestId('booking-dialog');
  await again.getByLabel('Later').check();
  await again.getByTestId('slot-calendar').getByRole('radio').first().waitFor();
  await again.getByTestId('slot-calendar').getByLabel('Length').selectOption('60');
  await again.getByTestId('slot-calendar').getByRole('radio').first().waitFor();
  assert((await again.locator(`input[name="slot"][value="${start}"]`).count()) === 0, 'the booked slot is no longer offered');
  await again.getByRole('button', { name: 'Cancel' }).click();
  log('the booked slot is gone from the calendar');

  // The host accepts; the guest moves the session to another free slot, picked from the same calendar.
  await host.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Chats' }).click();
  await host.page.getByTestId('conversation-item').filter({ hasText: guestName }).click();
  await host.page.locator('[data-testid="session-card"][data-status="requested"]').getByRole('button', { name: 'Accept' }).click();
  const guestCard = guest.page.locator('[data-testid="session-card"][data-status="confirmed"]');
  await guestCard.getByRole('button', { name: 'Propose a new time' }).click();
  const moveTo = guestCard.getByTestId('slot-calendar');
  await moveTo.waitFor();
  const nextDay = moveTo.getByRole('group', { name: 'Day' }).getByRole('button').nth(1);
  await nextDay.click();
  const target = moveTo.getByRole('radio').first();
  const newStart = await target.getAttribute('value');
  assert(newStart !== start, `a different slot: ${newStart}`);
  await target.check();
  if (shots) await guest.page.screenshot({ path: `${shots}/scheduling-reschedule-calendar.png` });
  await guestCard.getByRole('button', { name: 'Propose', exact: true }).click();
  await guestCard.getByTestId('reschedule-waiting').waitFor();
  const proposal = host.page.locator('[data-testid="session-card"][data-status="confirmed"]').getByTestId('reschedule-proposal');
  await proposal.getByRole('button', { name: 'Accept new time' }).click();
  await proposal.waitFor({ state: 'detached' });
  await guestCard.getByTestId('reschedule-waiting').waitFor({ state: 'detached' });
  log(`the host accepted; the guest moved the session from the slot calendar to ${newStart}`);

  // The calendar file has the new start in UTC and counts the move.
  const downloading = guest.page.waitForEvent('download');
  await guestCard.getByRole('button', { name: 'Add to calendar' }).click();
  const ics = (await readFile(await (await downloading).path(), 'utf8')).replace(/\r\n[ \t]/g, '');
  const utc = new Date(newStart).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  assert(ics.includes(`DTSTART:${utc}`), `DTSTART is the new slot in UTC (${utc}): ${ics}`);
  assert(ics.includes('SEQUENCE:1'), 'SEQUENCE counts the move');
  log(`the .ics has DTSTART:${utc} and SEQUENCE:1`);
  // A session days away cannot be started yet: the card says from when instead of offering Start.
  await guestCard.getByTestId('startable-from').waitFor();
  assert((await guestCard.getByRole('button', { name: 'Start' }).count()) === 0, 'no Start days ahead of the session');
  if (shots) await guest.page.screenshot({ path: `${shots}/scheduling-rescheduled.png` });

  // Completion and rating. A session starts only from ten minutes before its start, and slots follow each other by
  // the session's length from the start of the host's hours: the host opens today's hours from a few minutes from
  // now (a date override, no notice), and the guest moves the session there from the same calendar.
  await host.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await host.page.getByTestId('availability-link').click();
  const edit = host.page.getByTestId('availability-form');
  await edit.waitFor();
  const [today, soon] = await host.page.evaluate(() => {
    const d = new Date(Date.now() + 3 * 60_000);
    const pad = (n) => String(n).padStart(2, '0');
    return [`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, `${pad(d.getHours())}:${pad(d.getMinutes())}`];
  });
  await edit.getByRole('button', { name: 'Add a date override' }).click();
  await edit.getByLabel('Date', { exact: true }).last().fill(today);
  await edit.getByRole('button', { name: `Add hours on ${today}` }).click();
  await edit.getByLabel(`${today} from`).fill(soon);
  await edit.getByLabel(`${today} until`).fill('23:59');
  await edit.getByLabel('Minimum notice (minutes)').fill('0');
  await edit.getByRole('button', { name: 'Save availability' }).click();
  await edit.getByTestId('availability-saved').waitFor();
  log(`the host opened ${today} from ${soon} (${HOST_CITY}) with no notice`);

  await guestCard.getByRole('button', { name: 'Propose a new time' }).click();
  const soonCalendar = guestCard.getByTestId('slot-calendar');
  await soonCalendar.getByRole('group', { name: 'Day' }).getByRole('button').first().click();
  const soonSlot = soonCalendar.getByRole('radio').first();
  const soonStart = await soonSlot.getAttribute('value');
  const ahead = new Date(soonStart).getTime() - Date.now();
  assert(ahead > 0 && ahead < 10 * 60_000, `the first slot today starts within ten minutes: ${soonStart}`);
  await soonSlot.check();
  await guestCard.getByRole('button', { name: 'Propose', exact: true }).click();
  await guestCard.getByTestId('reschedule-waiting').waitFor();
  await host.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Chats' }).click();
  await host.page.getByTestId('conversation-item').filter({ hasText: guestName }).click();
  const soonProposal = host.page.locator('[data-testid="session-card"][data-status="confirmed"]').getByTestId('reschedule-proposal');
  await soonProposal.getByRole('button', { name: 'Accept new time' }).click();
  await soonProposal.waitFor({ state: 'detached' });
  log(`moved again, to ${soonStart}; the host accepted`);

  await guestCard.getByRole('button', { name: 'Start' }).click();
  await host.page.locator('[data-testid="session-card"][data-status="in_progress"]').getByRole('button', { name: 'Complete' }).click();
  const completed = guest.page.locator('[data-testid="session-card"][data-status="completed"]');
  const stars = completed.getByRole('group', { name: 'Rate this session' });
  await stars.getByRole('radio', { name: '5 stars' }).check();
  await completed.getByLabel(/Review/).fill('Found a time across six hours of difference in a minute.');
  await completed.getByRole('button', { name: 'Send rating' }).click();
  await completed.getByText('You rated it 5/5').waitFor();
  log('started, completed and rated 5/5 by the guest');

  await guest.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Discover' }).click();
  await guest.page.getByLabel('Search hosts').fill(hostName);
  await guest.page.getByRole('button', { name: 'Search', exact: true }).click();
  const rating = await guest.page.getByTestId('discover-host').filter({ hasText: hostName }).getByTestId('host-rating').textContent();
  assert(/★\s*5(\.0)?\b/.test(rating) && /1 review/.test(rating), `Discover shows the rating: ${rating}`);
  log(`Discover: "${rating.trim()}"`);
  if (shots) await guest.page.screenshot({ path: `${shots}/scheduling-rated.png` });

  await guest.context.close();
  await host.context.close();
});
