// The thread reads like a messenger: a second device opens a long conversation at its newest message, scrolling up
// loads older pages without moving what is on screen, a message arriving while the reader is up shows a "new
// messages" pill (and one arriving at the bottom keeps the view pinned), links are clickable and safe, days separated.
import { randomUUID } from 'node:crypto';
import { RUN, apiAs, assert, baseUrlFromArgs, firstMessage, hostAndGuest, newPerson, scenario, send, signIn, waitForThread } from './lib.mjs';

const base = baseUrlFromArgs();
const hankName = `Hank Thread ${RUN}`;
const aliceName = `Alice Thread ${RUN}`;
const HISTORY = 120;

/** Scroll position facts of the open thread. */
function scrollState(page) {
  return page.getByTestId('chat-area').evaluate((el) => ({
    fromBottom: el.scrollHeight - el.scrollTop - el.clientHeight,
    scrollTop: el.scrollTop,
    seqs: [...el.querySelectorAll('[data-testid="message"]')].map((m) => Number(m.dataset.seq)),
  }));
}

/** Where the text of message `seq` is, relative to the top of the scrolling thread (what the reader's eye follows). */
function offsetOf(page, seq) {
  return page.getByTestId('chat-area').evaluate((el, seq) => {
    const m = el.querySelector(`[data-testid="message"][data-seq="${seq}"] .content`);
    return m.getBoundingClientRect().top - el.getBoundingClientRect().top;
  }, seq);
}

await scenario('thread', async ({ browser, log, pageConsole }) => {
  const { host: hank, guest: alice, hostEmail: hankEmail } = await hostAndGuest(browser, base, pageConsole, hankName, aliceName);
  await firstMessage(alice.page, hankName, 'Message 1');
  const conversationId = alice.page.url().split('/c/')[1];
  for (let i = 2; i <= HISTORY; i++) {
    const sent = await apiAs(alice.page, 'POST', `/api/conversations/${conversationId}/messages`, {
      clientMessageId: randomUUID(),
      content: `Message ${i}`,
    });
    assert(sent.status === 201 || sent.status === 202, `message ${i}: ${sent.status} ${JSON.stringify(sent.body)}`);
  }
  await waitForThread(alice.page, [`Message ${HISTORY - 1}`, `Message ${HISTORY}`]);
  log(`Alice wrote ${HISTORY} messages`);

  // Hank on a new device: the full sync brings only the latest page of each conversation.
  await hank.context.close();
  const phone = await newPerson(browser, base, pageConsole, 'hank-phone', { width: 390, height: 844 });
  await signIn(phone.page, hankEmail);
  await phone.page.getByTestId('conversation-item').filter({ hasText: aliceName }).click();
  await waitForThread(phone.page, [`Message ${HISTORY}`]);
  await phone.page.waitForFunction(() => {
    const el = document.querySelector('[data-testid="chat-area"]');
    return el && el.scrollHeight - el.scrollTop - el.clientHeight < 2;
  });
  const opened = await scrollState(phone.page);
  assert(opened.seqs[0] > 1, `only the latest page is cached at first (lowest seq ${opened.seqs[0]})`);
  assert(await phone.page.getByTestId('chat-area').getByText(`Message ${HISTORY}`, { exact: true }).isVisible(), 'the newest message is on screen');
  log(`the conversation opened at the newest message (cached from seq ${opened.seqs[0]})`);

  // Scroll to the top: the page before loads above, and the message that was at the top stays where it was.
  const anchor = opened.seqs[0];
  await phone.page.getByTestId('chat-area').evaluate((el) => {
    el.scrollTop = 0;
  });
  const before = await offsetOf(phone.page, anchor);
  await phone.page.waitForFunction((anchor) => !!document.querySelector(`[data-testid="message"][data-seq="${anchor - 1}"]`), anchor);
  await phone.page.waitForTimeout(300);
  const after = await offsetOf(phone.page, anchor);
  assert(Math.abs(after - before) < 4, `the reading position held while older messages loaded: ${before} → ${after}`);
  const grown = await scrollState(phone.page);
  assert(grown.scrollTop > 0, 'older messages were added above what is on screen');
  assert(grown.seqs.every((s, i) => i === 0 || s === grown.seqs[i - 1] + 1), 'the history has no gap and no duplicate');
  log(`older messages loaded above (now from seq ${grown.seqs[0]}); the reading position did not move`);

  // Up in the history, a new message does not pull the reader down: a pill offers it.
  await send(alice.page, 'Are you still there?');
  await phone.page.getByTestId('new-messages').waitFor();
  assert((await scrollState(phone.page)).fromBottom > 200, 'the reader stayed where they were reading');
  await phone.page.getByTestId('new-messages').click();
  await phone.page.getByTestId('new-messages').waitFor({ state: 'detached' });
  await phone.page.getByTestId('chat-area').getByText('Are you still there?', { exact: true }).waitFor();
  assert((await scrollState(phone.page)).fromBottom < 2, 'the pill went to the newest message');
  log('a message that arrived while reading history showed a pill; the pill jumped to it');

  // At the bottom, the view follows new messages; links are clickable, only http(s), in a new tab without opener.
  await send(alice.page, 'Docs at https://example.com/guide?x=1, not javascript:alert(1) or www.example.org.');
  await waitForThread(phone.page, ['Docs at https://example.com/guide?x=1, not javascript:alert(1) or www.example.org.']);
  await phone.page.waitForFunction(() => {
    const el = document.querySelector('[data-testid="chat-area"]');
    return el.scrollHeight - el.scrollTop - el.clientHeight < 2;
  });
  assert((await phone.page.getByTestId('new-messages').count()) === 0, 'no pill for a reader at the bottom');
  const links = await phone.page
    .locator('[data-testid="message"]')
    .last()
    .locator('a')
    .evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href'), text: a.textContent, target: a.target, rel: a.rel })));
  assert(
    JSON.stringify(links) ===
      JSON.stringify([
        { href: 'https://example.com/guide?x=1', text: 'https://example.com/guide?x=1', target: '_blank', rel: 'noopener noreferrer' },
        { href: 'https://www.example.org/', text: 'www.example.org', target: '_blank', rel: 'noopener noreferrer' },
      ]),
    `links: ${JSON.stringify(links)}`,
  );
  log('pinned at the bottom as a message arrived; its links are safe and clickable');

  const days = await phone.page.getByTestId('day-separator').allTextContents();
  assert(days.length === 1 && days[0] === 'Today', `one date separator, "Today": ${JSON.stringify(days)}`);
  log('messages are under their day\'s separator');
  await phone.context.close();
  await alice.context.close();
});
