// Own your data and sign-in hardening in the browser: a host turns on two-factor sign-in from Settings › Security
// (the code computed here from the secret the page shows, as an authenticator app would), signs in on another device
// with password and code, sees both sign-ins, downloads the export of their data, and asks for (then cancels) the
// deletion of their account.
import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RUN, assert, baseUrlFromArgs, go, newPerson, scenario, screenshotDir, signUp, waitOnline } from './lib.mjs';

const base = baseUrlFromArgs();
const dir = screenshotDir();
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const hostName = `Sana Secure ${RUN}`;

/** RFC 6238 with an authenticator app's settings (HMAC-SHA1, 6 digits, 30 s), from the Base32 secret. */
function totp(secret, at = Date.now()) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bytes = [];
  let bits = 0;
  let value = 0;
  for (const c of secret.replace(/[\s=]/g, '')) {
    value = ((value << 5) | alphabet.indexOf(c)) & 0x1fff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const mac = createHmac('sha1', Buffer.from(bytes)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  const number = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
  return String(number % 1_000_000).padStart(6, '0');
}

/** The page at phone and at desktop size, `subject` in view (then back to desktop). */
async function shoot(page, name, subject) {
  if (!dir) return;
  for (const [size, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(150);
    await subject?.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(dir, `${size}-account-${name}.png`) });
  }
}

await scenario('account', async ({ browser, log, pageConsole }) => {
  const laptop = await newPerson(browser, base, pageConsole, 'laptop', DESKTOP);
  const email = await signUp(laptop.page, hostName, 'host');
  await go(laptop.page, 'Settings');
  const security = laptop.page.getByTestId('security-settings');
  await security.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
  const secret = (await security.getByTestId('two-factor-secret').textContent()).replace(/\s/g, '');
  const uri = await security.getByTestId('otpauth-uri').getAttribute('href');
  assert(uri.startsWith('otpauth://totp/HumanChat:') && uri.includes(`secret=${secret}`), `otpauth URI: ${uri}`);
  await shoot(laptop.page, 'two-factor-enrol', security);
  await security.getByLabel('Code from the app').fill(totp(secret));
  await security.getByRole('button', { name: 'Turn on' }).click();
  await security.getByTestId('two-factor-on').waitFor();
  const recoveryCodes = await security.getByTestId('recovery-codes').locator('code').allTextContents();
  assert(recoveryCodes.length === 10, `ten recovery codes, got ${recoveryCodes.length}`);
  await shoot(laptop.page, 'two-factor-on', security);
  log('two-factor sign-in on, with ten recovery codes');

  // Another device: the password alone is not enough; the app's next code is (the current one was just used).
  const phone = await newPerson(browser, base, pageConsole, 'phone', DESKTOP);
  await phone.page.getByRole('tab', { name: 'Sign in' }).click();
  await phone.page.getByLabel('Email').fill(email);
  await phone.page.getByLabel('Password').fill('a long enough password');
  await phone.page.getByRole('button', { name: 'Sign in' }).click();
  const codeField = phone.page.getByLabel('Two-factor code');
  await codeField.waitFor();
  await shoot(phone.page, 'sign-in-code', codeField);
  await codeField.fill(totp(secret, Date.now() + 30_000));
  await phone.page.getByRole('button', { name: 'Sign in' }).click();
  await waitOnline(phone.page);
  log('signed in on a second device with password and code');

  await go(phone.page, 'Settings');
  const signIns = phone.page.getByTestId('sign-ins');
  await signIns.getByText('this device').waitFor();
  assert((await signIns.locator('li').count()) === 2, 'both sign-ins listed');
  await shoot(phone.page, 'sign-ins', signIns);

  const yourData = phone.page.getByTestId('your-data');
  const downloading = phone.page.waitForEvent('download');
  await yourData.getByRole('button', { name: 'Download my data' }).click();
  const exported = JSON.parse(await readFile(await (await downloading).path(), 'utf8'));
  assert(exported.profile.display_name === hostName, `the export's profile: ${JSON.stringify(exported.profile)}`);
  assert(exported.profile.email === email, 'the export holds the email');
  assert(exported.twoFactor.enabled === true && !JSON.stringify(exported).includes(secret), 'two-factor on, never its secret');
  assert(exported.signIns.length === 2, `two sign-ins in the export, got ${exported.signIns.length}`);
  log('downloaded the export: profile, two-factor state (no secret), sign-ins');

  phone.page.once('dialog', (dialog) => void dialog.accept());
  await yourData.getByRole('button', { name: 'Delete my account' }).click();
  await yourData.getByTestId('deletion-scheduled').waitFor();
  await shoot(phone.page, 'deletion-scheduled', yourData);
  await yourData.getByRole('button', { name: 'Keep my account' }).click();
  await yourData.getByRole('button', { name: 'Delete my account' }).waitFor();
  log('asked for deletion (7 days of grace) and cancelled it');
});
