// Two people sign up, find each other through Discover and chat: live delivery, unread badge, typing, presence.
import { RUN, assert, baseUrlFromArgs, hostAndGuest, messageTexts, openConversationFromDiscover, scenario, send, waitForThread } from './lib.mjs';

const base = baseUrlFromArgs();
const hankName = `Hank Host ${RUN}`;
const aliceName = `Alice Guest ${RUN}`;

await scenario('chat', async ({ browser, log, pageConsole }) => {
  const { host: hank, guest: alice } = await hostAndGuest(browser, base, pageConsole, hankName, aliceName);
  log('both signed up and connected');

  await openConversationFromDiscover(alice.page, hankName);
  await alice.page.locator('.conversation-header [data-presence="online"]').waitFor();
  log('Alice sees Hank online in the conversation header');

  await send(alice.page, 'Hi Hank, do you have a minute?');
  await waitForThread(alice.page, ['Hi Hank, do you have a minute?']);
  const item = hank.page.getByTestId('conversation-item').filter({ hasText: aliceName });
  await item.getByTestId('unread-badge').filter({ hasText: '1' }).waitFor();
  log('Hank got the conversation live with an unread badge of 1');

  await item.click();
  await waitForThread(hank.page, ['Hi Hank, do you have a minute?']);
  await item.getByTestId('unread-badge').waitFor({ state: 'detached' });
  log('Hank read it; the badge is gone');

  await hank.page.getByTestId('composer').fill('Sure');
  await alice.page.getByTestId('typing-indicator').filter({ hasText: `${hankName} is typing…` }).waitFor();
  log('Alice sees Hank typing');

  await hank.page.getByTestId('composer').fill('Sure, what is on your mind?');
  await hank.page.getByTestId('composer').press('Enter');
  await waitForThread(alice.page, ['Hi Hank, do you have a minute?', 'Sure, what is on your mind?']);
  await alice.page.getByTestId('typing-indicator').filter({ hasText: 'typing' }).waitFor({ state: 'detached' });
  log('Alice got the answer live and the typing indicator cleared');

  const texts = await messageTexts(alice.page);
  assert(texts.length === 2, `Alice's thread has exactly two messages, got ${JSON.stringify(texts)}`);

  await hank.context.close();
  await alice.page.locator('.conversation-header [data-presence="offline"]').waitFor({ timeout: 40_000 });
  log('Alice sees Hank go offline when he leaves');
  await alice.context.close();
});
