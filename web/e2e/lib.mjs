// Shared helpers of the end-to-end scenarios: Debian's Chromium driven by playwright-core (never a downloaded browser).
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { chromium } from 'playwright-core';

export const TIMEOUT = 20_000;

/** Appended to display names: scenarios may run many times against one platform. */
export const RUN = randomUUID().slice(0, 6);

export function baseUrlFromArgs() {
  const base = process.argv[2];
  if (!base) {
    console.error('usage: node <scenario>.mjs <baseUrl>');
    process.exit(2);
  }
  return base.replace(/\/$/, '');
}

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`no Chromium at ${candidates.join(', ')}: apt-get install chromium`);
  return found;
}

/** Headless Chromium; Playwright gives it a fresh temporary profile and removes it on close. */
export async function launch() {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      // The video call gets a synthetic camera and microphone, permission granted without a prompt.
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}

/** Runs a scenario: prints each step, exits non-zero (with the page's console) on the first failure. */
export async function scenario(name, body) {
  const started = Date.now();
  const console_ = [];
  let handle;
  try {
    handle = await launch();
    await body({ browser: handle.browser, log: (line) => console.log(`[${name}] ${line}`), pageConsole: console_ });
    console.log(`[${name}] PASS in ${Date.now() - started} ms`);
  } catch (e) {
    console.error(`[${name}] FAIL: ${e?.stack ?? e}`);
    await screenshotPages(handle?.browser, `${name}-failure`);
    if (console_.length) console.error(`[${name}] browser console:\n${console_.slice(-60).join('\n')}`);
    process.exitCode = 1;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** What each open page showed when a scenario failed, into SCREENSHOTS_DIR (when set): the first thing to look at. */
async function screenshotPages(browser, prefix) {
  const dir = process.env.SCREENSHOTS_DIR;
  if (!browser || !dir) return;
  mkdirSync(dir, { recursive: true });
  const pages = browser.contexts().flatMap((c) => c.pages());
  for (const [i, page] of pages.entries()) {
    await page.screenshot({ path: `${dir}/${prefix}-${i}.png` }).catch(() => undefined);
  }
}

/** A new browser context (its own IndexedDB, cookies, service worker) with a page on the app. */
export async function newPerson(browser, base, pageConsole, label, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport, baseURL: base });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  page.on('console', (m) => pageConsole.push(`${label} ${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => pageConsole.push(`${label} pageerror: ${e.message}`));
  await page.goto('/');
  return { context, page };
}

export function uniqueEmail(name) {
  return `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}-${randomUUID().slice(0, 8)}@example.test`;
}

/** Signs up through the form; resolves once the shell is connected. Returns the email used. */
export async function signUp(page, displayName, role = 'user', email = uniqueEmail(displayName)) {
  await page.getByRole('tab', { name: 'Sign up' }).click();
  await page.getByLabel('Display name').fill(displayName);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('a long enough password');
  await page.getByLabel(role === 'host' ? 'be a host' : 'talk to hosts').check();
  await page.getByRole('button', { name: 'Create account' }).click();
  await waitOnline(page);
  return email;
}

export async function waitOnline(page) {
  await page.locator('[data-testid="link-state"][data-link="online"]').waitFor();
}

/** From Discover, finds the host by name and opens the conversation with them. */
export async function openConversationFromDiscover(page, hostName) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Discover' }).click();
  await page.getByLabel('Search hosts').fill(hostName);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('button', { name: `Message ${hostName}` }).click();
  await page.getByRole('region', { name: `Conversation with ${hostName}` }).waitFor();
}

/** A host and a guest, each in their own browser context, both signed up; with the host's email. */
export async function hostAndGuest(browser, base, pageConsole, hostName, guestName) {
  const host = await newPerson(browser, base, pageConsole, 'host');
  const guest = await newPerson(browser, base, pageConsole, 'guest');
  const hostEmail = await signUp(host.page, hostName, 'host');
  await signUp(guest.page, guestName);
  return { host, guest, hostEmail };
}

/** Opens the conversation with the host from Discover and sends a first message; resolves once it is confirmed. */
export async function firstMessage(page, hostName, text) {
  await openConversationFromDiscover(page, hostName);
  await send(page, text);
  await waitForThread(page, [text]);
}

export async function send(page, text) {
  await page.getByTestId('composer').fill(text);
  await page.getByTestId('composer').press('Enter');
}

/** The texts of the confirmed messages in the open conversation, in order. */
export async function messageTexts(page) {
  return page.locator('[data-testid="message"] .content').allTextContents();
}

/** Waits until the open conversation's confirmed messages end with `expected` (and shows no pending send). */
export async function waitForThread(page, expected, { pending = 0 } = {}) {
  await page.waitForFunction(
    ([want, pendingWanted]) => {
      const texts = [...document.querySelectorAll('[data-testid="message"] .content')].map((e) => e.textContent);
      const tail = texts.slice(-want.length);
      const pendingNow = document.querySelectorAll('[data-testid="pending-message"]').length;
      return JSON.stringify(tail) === JSON.stringify(want) && pendingNow === pendingWanted;
    },
    [expected, pending],
    { timeout: TIMEOUT },
  );
}

export function assert(condition, message) {
  if (!condition) throw new Error(`assertion failed: ${message}`);
}

export function screenshotDir() {
  const dir = process.env.SCREENSHOTS_DIR;
  if (dir) mkdirSync(dir, { recursive: true });
  return dir;
}

/** Opens a main view through whichever navigation is on screen (top bar on desktop, bottom nav on a phone). */
export async function go(page, label) {
  const back = page.getByRole('button', { name: 'Back to conversations' });
  if (await back.isVisible()) await back.click();
  await page.locator('nav[aria-label^="Main"] button:visible', { hasText: label }).first().click();
}

/** Signs in through the form; resolves once the shell is connected. */
export async function signIn(page, email) {
  await page.getByRole('tab', { name: 'Sign in' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('a long enough password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await waitOnline(page);
}

/** Calls the API from the page with the signed-in user's token (read from the app's IndexedDB). */
export async function apiAs(page, method, path, body) {
  return page.evaluate(
    async ([method, path, body]) => {
      const auth = await new Promise((resolve, reject) => {
        const open = indexedDB.open('humanchat');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('settings').objectStore('settings').get('auth');
          get.onsuccess = () => resolve(get.result.value);
        };
      });
      const res = await fetch(path, {
        method,
        headers: { Authorization: `Bearer ${auth.accessToken}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
    [method, path, body],
  );
}

/** The platform's admin (WebClientE2EIT starts it with HUMANCHAT_ADMIN_EMAILS=admin@web-e2e.test), signed in. */
export const ADMIN_EMAIL = 'admin@web-e2e.test';

export async function signInAsAdmin(page, base) {
  const registered = await page.evaluate(
    (email) =>
      fetch('/api/auth/register', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, password: 'a long enough password', displayName: 'Ada Admin' }),
      }).then((r) => r.status),
    ADMIN_EMAIL,
  );
  assert(registered === 201 || registered === 409, `admin account: ${registered}`);
  // The listed address earns admin once verified: follow the link the standalone's development outbox shows.
  if (registered === 201) await verifyEmail(page, base, ADMIN_EMAIL);
  await signIn(page, ADMIN_EMAIL);
}

/** Follows the verification link the standalone's development outbox shows for `email`, then opens the app again. */
export async function verifyEmail(page, base, email) {
  await page.goto(`${base}/dev/outbox`);
  const link = new URL(await page.locator(`li[data-to="${email}"] a`).first().getAttribute('href'));
  await page.goto(`${base}/verify-email${link.search}`);
  await page.getByText('Your e-mail address is verified').waitFor();
  await page.goto(base);
}

/**
 * Serves web/e2e/stripe-standin.js in place of Stripe.js (https://js.stripe.com/…) and sends what it posts to
 * https://api.stripe.com to the local Stripe-shaped server at STRIPE_STANDIN_URL: the page keeps its content policy,
 * which lets scripts come from js.stripe.com and requests go to api.stripe.com only.
 */
export async function serveStripeStandIn(context) {
  const standIn = process.env.STRIPE_STANDIN_URL;
  if (!standIn) throw new Error('STRIPE_STANDIN_URL names the local Stripe-shaped server (WebClientE2EIT sets it)');
  const script = readFileSync(new URL('./stripe-standin.js', import.meta.url), 'utf8');
  await context.route('https://js.stripe.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'application/javascript', body: script }),
  );
  await context.route('https://api.stripe.com/**', async (route) => {
    const url = new URL(route.request().url());
    const response = await route.fetch({ url: standIn.replace(/\/$/, '') + url.pathname + url.search });
    await route.fulfill({ response });
  });
}
