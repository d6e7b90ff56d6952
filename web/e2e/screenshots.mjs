// The main views at phone and desktop sizes, saved as PNGs into SCREENSHOTS_DIR (docs/screenshots in the build).
import { join } from 'node:path';
import { RUN, assert, go, signInAsAdmin, baseUrlFromArgs, newPerson, scenario, screenshotDir, send, signUp, waitForThread } from './lib.mjs';

const base = baseUrlFromArgs();
const dir = screenshotDir();
const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1440, height: 900 } };
const hostName = `Maya Chen ${RUN}`;

await scenario('screenshots', async ({ browser, log, pageConsole }) => {
  assert(dir, 'SCREENSHOTS_DIR names the folder to write into');
  // A host with a profile, and a guest who talks to her and books a session.
  const host = await newPerson(browser, base, pageConsole, 'host');
  await signUp(host.page, hostName, 'host');
  await host.page.evaluate(async () => {
    const auth = await new Promise((resolve) => {
      const open = indexedDB.open('humanchat');
      open.onsuccess = () => {
        const get = open.result.transaction('settings').objectStore('settings').get('auth');
        get.onsuccess = () => resolve(get.result.value);
      };
    });
    const res = await fetch('/api/me/profile', {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${auth.accessToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ bio: 'Chess coach and former national champion. Openings, endgames, tournament nerves.', tags: ['chess', 'coaching'], priceCents: 0, currency: 'usd' }),
    });
    if (!res.ok) throw new Error(`profile update: ${res.status}`);
  });

  for (const [size, viewport] of Object.entries(SIZES)) {
    log(`${size}: ${viewport.width}x${viewport.height}`);
    const guest = await newPerson(browser, base, pageConsole, `guest-${size}`, viewport);
    await guest.page.screenshot({ path: join(dir, `${size}-sign-in.png`) });
    await signUp(guest.page, `Jordan Lee ${size} ${RUN}`);

    await go(guest.page, 'Discover');
    await guest.page.getByLabel('Search hosts').fill(hostName);
    await guest.page.getByRole('button', { name: 'Search', exact: true }).click();
    await guest.page.getByRole('button', { name: `Message ${hostName}` }).waitFor();
    await guest.page.screenshot({ path: join(dir, `${size}-discover.png`) });

    await guest.page.getByRole('button', { name: `Message ${hostName}` }).click();
    await guest.page.getByRole('region', { name: `Conversation with ${hostName}` }).waitFor();
    await send(guest.page, 'Hi Maya! I keep losing with the Sicilian. Could you help?');
    await waitForThread(guest.page, ['Hi Maya! I keep losing with the Sicilian. Could you help?']);
    const hostItem = host.page.getByTestId('conversation-item').filter({ hasText: `Jordan Lee ${size}` });
    await hostItem.click();
    await host.page.getByTestId('composer').fill('Happy to. Book a session and bring two of your games.');
    await host.page.getByTestId('composer').press('Enter');
    await waitForThread(guest.page, ['Hi Maya! I keep losing with the Sicilian. Could you help?', 'Happy to. Book a session and bring two of your games.']);
    await host.page.getByTestId('composer').fill('One more thing');
    await guest.page.getByTestId('typing-indicator').filter({ hasText: 'is typing' }).waitFor();
    await guest.page.screenshot({ path: join(dir, `${size}-conversation.png`) });
    await host.page.getByTestId('composer').fill('');

    await guest.page.getByRole('button', { name: 'Book a session', exact: true }).click();
    await guest.page.getByTestId('booking-dialog').waitFor();
    // Each run books its own day: a host's scheduled sessions may not overlap.
    const day = new Date(Date.now() + (size === 'phone' ? 2 : 3) * 24 * 3600_000);
    await guest.page.getByTestId('booking-dialog').getByLabel('Start').fill(`${day.toISOString().slice(0, 10)}T15:00`);
    await guest.page.screenshot({ path: join(dir, `${size}-booking-dialog.png`) });
    await guest.page.getByTestId('booking-dialog').getByRole('button', { name: 'Request session' }).click();
    await guest.page.locator('[data-testid="session-card"][data-status="requested"]').waitFor();
    await host.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sessions' }).click();
    await host.page.locator('[data-testid="session"][data-status="requested"]').first().getByRole('button', { name: 'Accept' }).click();
    await guest.page.locator('[data-testid="session-card"][data-status="confirmed"]').first().waitFor();
    await host.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Chats' }).click();

    await go(guest.page, 'Sessions');
    await guest.page.locator('[data-testid="session"][data-status="confirmed"]').waitFor();
    await guest.page.screenshot({ path: join(dir, `${size}-sessions.png`) });

    await go(guest.page, 'Chats');
    await guest.page.getByTestId('conversation-item').first().waitFor();
    await guest.page.screenshot({ path: join(dir, `${size}-conversations.png`) });

    await go(guest.page, 'Sam');
    await guest.page.getByRole('heading', { name: 'Sam, your concierge' }).waitFor();
    await guest.page.getByLabel('Ask Sam').fill('I would like an hour with a chess coach this week.');
    await guest.page.getByRole('button', { name: 'Ask', exact: true }).click();
    // Sam's answer comes back as a message of type "sam" (this platform runs without a Gemini key: Sam says so).
    await guest.page.locator('[data-testid="message"].sam').waitFor();
    await guest.page.screenshot({ path: join(dir, `${size}-sam.png`) });
    log(`${size} views saved`);
    await guest.context.close();
  }

  // Admin pages (the platform runs with HUMANCHAT_ADMIN_EMAILS=admin@web-e2e.test), and an announcement that the
  // host's open page shows live.
  const admin = await newPerson(browser, base, pageConsole, 'admin');
  await signInAsAdmin(admin.page, base);
  for (const [size, viewport] of Object.entries(SIZES)) {
    await admin.page.setViewportSize(viewport);
    await go(admin.page, 'Admin');
    await admin.page.getByRole('tab', { name: 'Users' }).click();
    await admin.page.getByLabel('Search users').fill(hostName);
    await admin.page.getByTestId('admin-user').filter({ hasText: hostName }).waitFor();
    await admin.page.screenshot({ path: join(dir, `${size}-admin-users.png`) });
    await admin.page.getByRole('tab', { name: 'Metrics' }).click();
    // Two samples at least, so the charts draw lines (the topology publishes every 5 s).
    await admin.page.waitForFunction(() => Number(document.querySelector('[data-testid="chart-messages-per-minute"]')?.dataset.points) >= 2, undefined, { timeout: 30_000 });
    await admin.page.screenshot({ path: join(dir, `${size}-admin-metrics.png`) });
  }
  await admin.page.getByRole('tab', { name: 'Announce' }).click();
  await admin.page.getByRole('textbox', { name: 'Announcement', exact: true }).fill(`Maintenance tonight at 23:00 UTC (${RUN})`);
  await admin.page.getByRole('button', { name: 'Publish' }).click();
  await host.page.getByTestId('announcement').filter({ hasText: `Maintenance tonight at 23:00 UTC (${RUN})` }).waitFor();
  log('admin pages saved; the announcement reached an open page live');
  await admin.context.close();
  await host.context.close();
});
