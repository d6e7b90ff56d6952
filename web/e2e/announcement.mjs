// An announcement persists: a page open when it is published shows it live with its level, a reload still shows it
// (loaded from GET /api/announcements), someone who signs in later sees it, and a dismissal survives a reload.
import { RUN, baseUrlFromArgs, go, newPerson, scenario, signInAsAdmin, signUp } from './lib.mjs';

const base = baseUrlFromArgs();
const text = `Planned maintenance tonight (${RUN})`;

await scenario('announcement', async ({ browser, log, pageConsole }) => {
  const reader = await newPerson(browser, base, pageConsole, 'reader');
  await signUp(reader.page, `Rita Reader ${RUN}`);
  const admin = await newPerson(browser, base, pageConsole, 'admin');
  await signInAsAdmin(admin.page, base);
  await go(admin.page, 'Admin');
  await admin.page.getByRole('tab', { name: 'Announce' }).click();
  await admin.page.getByRole('textbox', { name: 'Announcement', exact: true }).fill(text);
  await admin.page.getByLabel('Level').selectOption('warning');
  await admin.page.getByRole('button', { name: 'Publish' }).click();

  const shown = reader.page.getByTestId('announcement').filter({ hasText: text });
  await shown.and(reader.page.locator('[data-level="warning"]')).waitFor();
  await reader.page.getByRole('alert').filter({ hasText: `Warning: ${text}` }).waitFor();
  log('the open page showed it live, as a warning');

  await reader.page.reload();
  await shown.waitFor();
  log('it is still there after a reload');

  const late = await newPerson(browser, base, pageConsole, 'late');
  await signUp(late.page, `Leo Late ${RUN}`);
  await late.page.getByTestId('announcement').filter({ hasText: text }).waitFor();
  log('someone who signed in after it was published sees it');

  await shown.getByRole('button', { name: 'Dismiss announcement' }).click();
  await shown.waitFor({ state: 'detached' });
  await reader.page.reload();
  await reader.page.locator('[data-testid="link-state"][data-link="online"]').waitFor();
  await reader.page.waitForTimeout(1000);
  if (await shown.count()) throw new Error('a dismissed announcement came back after a reload');
  log('dismissed, it stays dismissed after a reload');
  await late.context.close();
  await admin.context.close();
  await reader.context.close();
});
