// Rich messages between two browsers: "Seen" when the other side reads, a reaction, a reply that quotes, an edit, a
// deletion the quote then shows, and a search that jumps to the message; each seen live by the other browser and
// again after it reloads offline (from IndexedDB alone).
import { join } from 'node:path';
import { RUN, assert, baseUrlFromArgs, firstMessage, hostAndGuest, scenario, screenshotDir, send, waitForThread } from './lib.mjs';

const base = baseUrlFromArgs();
const dir = screenshotDir();
const hankName = `Hank Rich ${RUN}`;
const aliceName = `Alice Rich ${RUN}`;
const ASK = 'Lunch on Friday at the harbour?';
const ASK_EDITED = 'Lunch on Friday at the old harbour?';
const ANSWER = 'Friday works for me';
const REPLY = 'Great, see you at noon';

/** A message whose own text (not a quote in it) reads "Message deleted". */
function deletedBubble(page) {
  return page.locator('[data-testid="message"] > .content', { hasText: 'Message deleted' });
}

/** The message whose own text (not a quote in it) contains `text`. */
function own(page, text) {
  return page.locator('[data-testid="message"]').filter({ has: page.locator('.content', { hasText: text }) });
}

/** Opens a message's tools (they show on hover or focus) and presses one. */
async function tool(page, text, name) {
  const target = own(page, text);
  await target.hover();
  await target.getByRole('button', { name, exact: true }).click();
}

async function shoot(page, name) {
  if (dir) await page.screenshot({ path: join(dir, `desktop-rich-${name}.png`) });
}

await scenario('rich-messages', async ({ browser, log, pageConsole }) => {
  const { host: hank, guest: alice } = await hostAndGuest(browser, base, pageConsole, hankName, aliceName);
  for (const person of [hank, alice]) person.page.on('dialog', (dialog) => void dialog.accept());

  await firstMessage(alice.page, hankName, ASK);
  await hank.page.getByTestId('conversation-item').filter({ hasText: aliceName }).click();
  await waitForThread(hank.page, [ASK]);
  await own(alice.page, ASK).getByTestId('seen').filter({ hasText: 'Seen' }).waitFor();
  log('Hank read the message: Alice sees "Seen" under it');

  await send(hank.page, ANSWER);
  await waitForThread(alice.page, [ASK, ANSWER]);
  await tool(hank.page, ASK, 'React');
  await hank.page.getByRole('button', { name: 'React with 👍' }).click();
  await own(alice.page, ASK).locator('[data-testid="reaction"][data-emoji="👍"]').filter({ hasText: '1' }).waitFor();
  log('Hank reacted 👍: Alice sees it live with its count');

  await tool(alice.page, ANSWER, 'Reply');
  await alice.page.getByTestId('composer-draft').filter({ hasText: `Replying to ${hankName}` }).waitFor();
  await send(alice.page, REPLY);
  await own(hank.page, REPLY).getByTestId('quote').filter({ hasText: ANSWER }).waitFor();
  log('Alice replied: Hank sees the reply quoting his message');

  await tool(alice.page, ASK, 'Edit');
  await alice.page.getByTestId('composer').fill(ASK_EDITED);
  await alice.page.getByTestId('composer').press('Enter');
  await own(hank.page, ASK_EDITED).filter({ hasText: 'edited' }).waitFor();
  log('Alice edited her first message: Hank sees the new text, marked "edited"');
  await shoot(alice.page, 'thread');

  await tool(hank.page, ANSWER, 'Delete');
  await deletedBubble(alice.page).waitFor();
  await own(alice.page, REPLY).getByTestId('quote').filter({ hasText: 'Message deleted' }).waitFor();
  await own(hank.page, REPLY).getByTestId('quote').filter({ hasText: 'Message deleted' }).waitFor();
  log('Hank deleted his message: both see "Message deleted", and the reply\'s quote says so too');

  await alice.page.getByTestId('search-input').fill('harbour');
  await alice.page.getByTestId('search-input').press('Enter');
  const hit = alice.page.getByTestId('search-hit').first();
  await hit.locator('mark').filter({ hasText: 'harbour' }).waitFor();
  await shoot(alice.page, 'search');
  await hit.click();
  await alice.page.locator('[data-testid="message"].highlighted').filter({ hasText: ASK_EDITED }).waitFor();
  assert(await own(alice.page, ASK_EDITED).isVisible(), 'the message the search found is on screen');
  log('Alice searched "harbour": the hit, its match marked, opens the conversation at that message');

  // Offline, from the cache alone: Hank's reload shows everything that happened, and so does Alice's "Seen".
  for (const [who, person] of [['Hank', hank], ['Alice', alice]]) {
    await person.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await person.context.setOffline(true);
    await person.page.locator('[data-testid="link-state"][data-link="offline"]').waitFor();
    await person.page.reload();
    await person.page.getByRole('region', { name: /^Conversation with / }).waitFor();
    await own(person.page, ASK_EDITED).filter({ hasText: 'edited' }).waitFor();
    await own(person.page, ASK_EDITED).locator('[data-testid="reaction"][data-emoji="👍"]').filter({ hasText: '1' }).waitFor();
    await deletedBubble(person.page).waitFor();
    await own(person.page, REPLY).getByTestId('quote').filter({ hasText: 'Message deleted' }).waitFor();
    log(`${who} reloaded offline: edit, reaction, deletion and the reply's quote come from IndexedDB`);
  }
  await own(alice.page, REPLY).getByTestId('seen').filter({ hasText: 'Seen' }).waitFor();
  log('Alice, offline: "Seen" is under her latest message Hank read');
  await hank.context.close();
  await alice.context.close();
});
