// Accessibility of every main view at phone and desktop sizes (and a host's Availability screen): axe-core finds no serious or critical violation, each
// view has exactly one visible h1, and the skip link moves focus to the view's content.
import { createRequire } from 'node:module';
import { RUN, assert, baseUrlFromArgs, firstMessage, go, newPerson, scenario, signInAsAdmin, signUp } from './lib.mjs';

const axeSource = createRequire(import.meta.url)('axe-core').source;
const base = baseUrlFromArgs();
const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1440, height: 900 } };
const hostName = `Hana Host ${RUN}`;

/** Runs axe on the page as it is (page.evaluate is not bound by the page's content policy) and checks the headings. */
async function check(page, view, log) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
  assert(violations.length === 0, `${view}: ${violations.join('\n  ')}`);
  const h1s = await page.locator('h1:visible').allTextContents();
  assert(h1s.length === 1, `${view}: one visible h1, got ${JSON.stringify(h1s)}`);
  log(`${view}: no serious or critical violation; h1 "${h1s[0]}"`);
}

await scenario('a11y', async ({ browser, log, pageConsole }) => {
  const host = await newPerson(browser, base, pageConsole, 'host');
  await signUp(host.page, hostName, 'host');
  // Only hosts have the Availability screen (weekly hours, overrides, booking rules)
  await go(host.page, 'Settings');
  await host.page.getByTestId('availability-link').click();
  await host.page.getByTestId('availability-form').waitFor();
  await check(host.page, 'availability', log);

  for (const [size, viewport] of Object.entries(SIZES)) {
    const { page, context } = await newPerson(browser, base, pageConsole, `admin-${size}`, viewport);
    await page.getByRole('tab', { name: 'Sign in' }).waitFor();
    await check(page, `${size} sign-in`, log);
    await signInAsAdmin(page, base);

    await go(page, 'Chats');
    await check(page, `${size} chats`, log);
    // The skip link is the first stop of the keyboard (on a fresh load) and moves focus into the view's content.
    await page.reload();
    await page.locator('[data-testid="link-state"][data-link="online"]').waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    assert(await skip.evaluate((el) => el === document.activeElement), `${size}: the skip link is the first tab stop`);
    await page.keyboard.press('Enter');
    const focused = await page.evaluate(() => document.activeElement?.id);
    assert(focused === 'main' || focused === 'conversations', `${size}: the skip link focused the content (${focused})`);
    assert(!page.url().endsWith('#main'), `${size}: the skip link left the route alone (${page.url()})`);

    await firstMessage(page, hostName, `Hello from the ${size} check`);
    await check(page, `${size} conversation`, log);

    await go(page, 'Discover');
    await page.getByLabel('Search hosts').fill(hostName);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('button', { name: `Message ${hostName}` }).waitFor();
    await check(page, `${size} discover`, log);

    await go(page, 'Sam');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await check(page, `${size} sam`, log);

    await go(page, 'Sessions');
    await page.getByRole('heading', { name: 'Sessions', level: 1 }).waitFor();
    await check(page, `${size} sessions`, log);

    await go(page, 'Settings');
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await check(page, `${size} settings`, log);

    await go(page, 'Money');
    await page.getByRole('heading', { name: 'Money', level: 1 }).waitFor();
    await check(page, `${size} money`, log);

    await go(page, 'Admin');
    await page.getByTestId('chart-messages-per-minute').waitFor();
    await check(page, `${size} admin metrics`, log);
    await page.getByRole('tab', { name: 'Users' }).click();
    await page.getByTestId('admin-user').first().waitFor();
    await check(page, `${size} admin users`, log);
    await context.close();
  }
  await host.context.close();
});
