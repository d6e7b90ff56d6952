// A guest books a session from the conversation; the host accepts it; both see it confirmed, live, and join its call.
import { RUN, baseUrlFromArgs, firstMessage, hostAndGuest, scenario } from './lib.mjs';

const base = baseUrlFromArgs();
const hankName = `Hank Booked ${RUN}`;
const aliceName = `Alice Booker ${RUN}`;

await scenario('booking', async ({ browser, log, pageConsole }) => {
  const { host: hank, guest: alice } = await hostAndGuest(browser, base, pageConsole, hankName, aliceName);
  await firstMessage(alice.page, hankName, 'Could we talk tomorrow?');

  await alice.page.getByRole('button', { name: 'Book a session', exact: true }).click();
  const dialog = alice.page.getByTestId('booking-dialog');
  await dialog.getByLabel('Later').check();
  await dialog.getByLabel('Duration (minutes)').fill('45');
  await dialog.getByRole('button', { name: 'Request session' }).click();
  await dialog.waitFor({ state: 'detached' });
  await alice.page.locator('[data-testid="session-card"][data-status="requested"]').waitFor();
  log('Alice requested a session; the thread shows it');

  await hank.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sessions' }).click();
  const session = hank.page.locator('[data-testid="session"][data-status="requested"]');
  await session.getByRole('button', { name: 'Accept' }).click();
  await hank.page.locator('[data-testid="session"][data-status="confirmed"]').waitFor();
  log('Hank accepted; his session is confirmed');

  await alice.page.locator('[data-testid="session-card"][data-status="confirmed"]').first().waitFor();
  await alice.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sessions' }).click();
  await alice.page.locator('[data-testid="session"][data-status="confirmed"]').getByRole('button', { name: 'Join call' }).waitFor();
  log('Alice sees it confirmed, live, with the call button');

  // The call: Hank joins first (his offer has nobody to go to yet), then Alice; signalling goes through the edge.
  await hank.page.locator('[data-testid="session"][data-status="confirmed"]').getByRole('button', { name: 'Join call' }).click();
  await hank.page.getByTestId('video-call').waitFor();
  await alice.page.locator('[data-testid="session"][data-status="confirmed"]').getByRole('button', { name: 'Join call' }).click();
  await alice.page.locator('[data-testid="call-state"][data-state="connected"]').waitFor();
  await hank.page.locator('[data-testid="call-state"][data-state="connected"]').waitFor();
  await alice.page.waitForFunction(() => {
    const remote = document.querySelector('video[aria-label="Other participant"]');
    return remote?.srcObject && remote.srcObject.getVideoTracks().length > 0 && remote.readyState >= 2;
  });
  log('both joined the call: WebRTC connected and Alice receives Hank\'s video');
  await alice.context.close();
  await hank.context.close();
});
