// Mentions in a group of three browsers: "@" in the composer offers the other members (picked with the keyboard), the
// message shows "@Name" highlighted, the mentioned member's list marks the conversation "@" until they open it (and
// after an offline reload), the member nobody mentioned gets no mark; the mention shows Bob's new name after he renames
// himself (the message holds his id, not his name); a quote of a file-only message says what it was.
import { join } from 'node:path';
import { RUN, apiAs, assert, baseUrlFromArgs, newPerson, scenario, screenshotDir, send, signIn, signUp, waitOnline } from './lib.mjs';

const base = baseUrlFromArgs();
const dir = screenshotDir();
const annName = `Ann Group ${RUN}`;
const bobName = `Bob Group ${RUN}`;
const catName = `Cat Group ${RUN}`;

async function shoot(page, name) {
  if (dir) await page.screenshot({ path: join(dir, `desktop-mentions-${name}.png`) });
}

function groupItem(page) {
  return page.getByTestId('conversation-item').filter({ hasText: annName });
}

await scenario('mentions', async ({ browser, log, pageConsole }) => {
  const ann = await newPerson(browser, base, pageConsole, 'ann');
  const bob = await newPerson(browser, base, pageConsole, 'bob');
  const cat = await newPerson(browser, base, pageConsole, 'cat');
  await signUp(ann.page, annName);
  await signUp(bob.page, bobName);
  const catEmail = await signUp(cat.page, catName);
  const bobId = (await apiAs(bob.page, 'GET', '/api/auth/me')).body.id;
  const catId = (await apiAs(cat.page, 'GET', '/api/auth/me')).body.id;

  // The web client has no "new group" screen yet: the group is opened through the API (POST /api/conversations).
  const created = await apiAs(ann.page, 'POST', '/api/conversations', { type: 'group', participantIds: [bobId, catId] });
  assert(created.status === 201, `group created: ${JSON.stringify(created)}`);
  // No frame announces a new conversation (its members learn it from its first message): Ann's client syncs it.
  await ann.page.reload();
  await waitOnline(ann.page);
  await ann.page.getByTestId('conversation-item').filter({ hasText: bobName }).click();
  await ann.page.getByRole('region', { name: /Conversation with/ }).waitFor();

  const composer = ann.page.getByTestId('composer');
  await composer.fill('Agenda for Friday, ');
  await composer.press('End');
  await composer.pressSequentially('@');
  const options = ann.page.getByTestId('mention-option');
  await options.filter({ hasText: bobName }).waitFor();
  assert((await options.count()) === 2, 'the two other members are offered, not Ann herself');
  await composer.pressSequentially('gro');
  assert((await options.count()) === 2, 'both names have a word starting with "gro"');
  await composer.press('ArrowDown');
  await ann.page.locator('[data-testid="mention-option"][aria-selected="true"]').filter({ hasText: catName }).waitFor();
  await composer.press('ArrowUp');
  await ann.page.locator('[data-testid="mention-option"][aria-selected="true"]').filter({ hasText: bobName }).waitFor();
  await shoot(ann.page, 'picker');
  await composer.press('Enter');
  await ann.page.getByTestId('mention-list').waitFor({ state: 'detached' });
  assert((await composer.inputValue()) === `Agenda for Friday, @${bobName} `, `picked by keyboard: ${await composer.inputValue()}`);
  await composer.pressSequentially('can you bring the slides?');
  await composer.press('Enter');
  await ann.page.locator('[data-testid="message"] [data-testid="mention"]').filter({ hasText: `@${bobName}` }).waitFor();
  log('Ann picked Bob from the @ list with the arrows and Enter; her thread shows the mention');

  await groupItem(bob.page).getByTestId('mention-badge').waitFor();
  await groupItem(cat.page).filter({ hasText: 'can you bring the slides?' }).waitFor();
  assert((await groupItem(cat.page).getByTestId('mention-badge').count()) === 0, 'Cat was not mentioned: no "@"');
  await shoot(bob.page, 'list');
  log('Bob\'s list marks the group "@"; Cat\'s shows the message without the mark');

  await bob.context.setOffline(true);
  await bob.page.reload();
  await groupItem(bob.page).getByTestId('mention-badge').waitFor();
  await bob.context.setOffline(false);
  log('offline reload: Bob\'s "@" is still there (from IndexedDB)');

  await groupItem(bob.page).click();
  const mention = bob.page.locator('[data-testid="message"] [data-testid="mention"].me').filter({ hasText: `@${bobName}` });
  await mention.waitFor();
  await shoot(bob.page, 'thread');
  await groupItem(bob.page).getByTestId('mention-badge').waitFor({ state: 'detached' });
  log('Bob opened the group: his mention stands out in the thread and the "@" is gone');

  // A file-only message, then a reply to it: the quote names the file instead of showing nothing.
  const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
  await cat.page.getByTestId('conversation-item').filter({ hasText: annName }).click();
  await cat.page.getByTestId('attach-input').setInputFiles({ name: 'slides.pdf', mimeType: 'application/pdf', buffer: pdf });
  await cat.page.locator('[data-testid="picked-file"][data-ready="true"]').waitFor();
  await cat.page.getByTestId('composer').press('Enter');
  const fileMessage = bob.page.locator('[data-testid="message"]').filter({ hasText: 'slides.pdf' });
  await fileMessage.hover();
  await fileMessage.getByRole('button', { name: 'Reply', exact: true }).click();
  await bob.page.getByTestId('composer-draft').filter({ hasText: '📎 slides.pdf' }).waitFor();
  await send(bob.page, 'Got them');
  await ann.page.getByTestId('quote').filter({ hasText: '📎 slides.pdf' }).waitFor();
  log('Cat sent a PDF alone; Bob\'s reply quotes it as "📎 slides.pdf" for everyone');

  const renamed = `Robert Group ${RUN}`;
  const patched = await apiAs(bob.page, 'PATCH', '/api/me/profile', { displayName: renamed });
  assert(patched.status === 200, `renamed: ${JSON.stringify(patched)}`);
  const catElsewhere = await newPerson(browser, base, pageConsole, 'cat-2');
  await signIn(catElsewhere.page, catEmail);
  await catElsewhere.page.getByTestId('conversation-item').filter({ hasText: annName }).click();
  await catElsewhere.page.locator('[data-testid="message"] [data-testid="mention"]').filter({ hasText: `@${renamed}` }).waitFor();
  log('Bob renamed himself: Cat, signing in on another device, reads the mention under his new name');
});
