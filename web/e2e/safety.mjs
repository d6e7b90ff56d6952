// Trust and safety in the browser: a host reports a guest's abusive message and blocks him from the conversation; the
// guest's next message is refused with the neutral answer; an admin resolves the report in the Moderation screen by
// hiding the message, and the host is told that action was taken.
import { RUN, apiAs, assert, baseUrlFromArgs, firstMessage, go, hostAndGuest, newPerson, scenario, send, signInAsAdmin, waitForThread } from './lib.mjs';

const base = baseUrlFromArgs();
const hankName = `Hank Safe ${RUN}`;
const gusName = `Gus Rude ${RUN}`;
const ABUSE = 'You are a fraud and everyone will know it';

await scenario('safety', async ({ browser, log, pageConsole }) => {
  const shots = process.env.SCREENSHOTS_DIR;
  const { host: hank, guest: gus } = await hostAndGuest(browser, base, pageConsole, hankName, gusName);
  await firstMessage(gus.page, hankName, 'Hi Hank, quick question');
  await send(gus.page, ABUSE);
  await waitForThread(gus.page, ['Hi Hank, quick question', ABUSE]);

  await hank.page.getByTestId('conversation-item').filter({ hasText: gusName }).click();
  await waitForThread(hank.page, ['Hi Hank, quick question', ABUSE]);

  // Report the message: the button shows on the bubble the pointer is over
  const abusive = hank.page.getByTestId('message').filter({ hasText: ABUSE });
  await abusive.hover();
  await abusive.getByRole('button', { name: `Report message from ${gusName}` }).click();
  const dialog = hank.page.getByTestId('report-dialog');
  await dialog.getByLabel('Reason').selectOption('harassment');
  await dialog.getByLabel('What happened (optional)').fill('Insults after I did not answer at once.');
  if (shots) await hank.page.screenshot({ path: `${shots}/safety-report-dialog.png` });
  await dialog.getByRole('button', { name: 'Send report' }).click();
  await dialog.getByText('Thanks for telling us').waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await dialog.waitFor({ state: 'detached' });
  log('the host reported the message');

  // Block from the conversation: asked first, then the conversation says so and stays readable
  await hank.page.getByRole('button', { name: `Block ${gusName}` }).click();
  const confirm = hank.page.getByTestId('confirm-dialog');
  await confirm.getByText('They are not told').waitFor();
  await confirm.getByRole('button', { name: 'Block' }).click();
  await hank.page.getByTestId('blocked-notice').waitFor();
  await hank.page.getByRole('button', { name: `Unblock ${gusName}` }).waitFor();
  await waitForThread(hank.page, ['Hi Hank, quick question', ABUSE]);
  if (shots) await hank.page.screenshot({ path: `${shots}/safety-blocked.png` });
  log('the host blocked the guest; the conversation stays readable');

  // The guest's next message is refused, in words that do not say "blocked" (the block reaches the topology first)
  let refusal = '';
  for (let attempt = 1; attempt <= 10 && !refusal; attempt++) {
    await send(gus.page, `Hello? (${attempt})`);
    const pending = gus.page.getByTestId('pending-message').last();
    await gus.page.waitForFunction(
      () => {
        const all = document.querySelectorAll('[data-testid="pending-message"]');
        return all.length === 0 || all[all.length - 1].dataset.status === 'failed';
      },
      undefined,
      { timeout: 20_000 },
    );
    if ((await pending.count()) > 0 && (await pending.getAttribute('data-status')) === 'failed') {
      refusal = await pending.locator('.meta').textContent();
    }
  }
  assert(/not accepting this from you/.test(refusal), `the guest's send is refused neutrally: ${refusal}`);
  assert(!/block/i.test(refusal), 'the refusal does not say "blocked"');
  if (shots) await gus.page.screenshot({ path: `${shots}/safety-refused.png` });
  log(`the guest's message is refused: "${refusal.trim()}"`);

  // The admin resolves the report in the Moderation screen
  const admin = await newPerson(browser, base, pageConsole, 'admin');
  await signInAsAdmin(admin.page, base);
  await go(admin.page, 'Admin');
  await admin.page.getByRole('tab', { name: 'Moderation' }).click();
  const group = admin.page.getByTestId('moderation-group').filter({ hasText: gusName });
  const entry = group.getByTestId('moderation-report').filter({ hasText: ABUSE });
  await entry.waitFor();
  assert((await entry.textContent()).includes(hankName), 'the admin sees who reported it');
  await entry.getByLabel('Action').selectOption('hide_message');
  await entry.getByLabel('Note (kept in the audit log)').fill('Harassment: message hidden');
  if (shots) await admin.page.screenshot({ path: `${shots}/safety-moderation.png` });
  await entry.getByRole('button', { name: 'Resolve' }).click();
  await entry.waitFor({ state: 'detached' });
  log('the admin hid the message from the Moderation screen');

  // The reporter is told, and the message is gone from the thread
  const outcome = hank.page.getByTestId('report-outcome');
  await outcome.waitFor();
  assert((await outcome.textContent()).includes('took action'), 'the reporter is told action was taken');
  await hank.page.getByTestId('message').filter({ hasText: 'Message deleted' }).waitFor();
  assert((await hank.page.getByTestId('message').filter({ hasText: ABUSE }).count()) === 0, 'the message is hidden');
  if (shots) await hank.page.screenshot({ path: `${shots}/safety-outcome.png` });
  log('the host was told action was taken; the message shows as deleted');

  const audit = (await apiAs(admin.page, 'GET', '/api/admin/audit?limit=20')).body;
  assert(audit.items.some((e) => e.action === 'report.resolve' && e.details.action === 'hide_message'), 'the resolution is audited');
  log('the resolution is in the audit log');

  await admin.context.close();
  await gus.context.close();
  await hank.context.close();
});
