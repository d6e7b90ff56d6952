// A guest asks Sam (the standalone's Sam talks to a local Gemini-shaped server that answers with prose and a fenced
// JSON block): "Sam is typing…" shows, a host card and a proposal arrive, "Book this" requests the session, and after
// a reload the proposal's card shows it was used instead of an active button.
import { RUN, assert, baseUrlFromArgs, go, hostAndGuest, scenario } from './lib.mjs';

const base = baseUrlFromArgs();
const paulaName = `Paula Proposal ${RUN}`;

await scenario('sam', async ({ browser, log, pageConsole }) => {
  const { host: paula, guest } = await hostAndGuest(browser, base, pageConsole, paulaName, `Gina Guest ${RUN}`);

  await go(guest.page, 'Sam');
  await guest.page.getByLabel('Ask Sam').fill(paulaName);
  await guest.page.getByRole('button', { name: 'Ask', exact: true }).click();
  await guest.page.getByTestId('typing-indicator').filter({ hasText: 'Sam is typing…' }).waitFor();
  log('Sam is typing while the model thinks');

  await guest.page.locator('[data-testid="host-card"]').filter({ hasText: paulaName }).waitFor();
  const reply = await guest.page.locator('[data-testid="message"].sam .content').last().textContent();
  assert(!reply.includes('```') && !reply.includes('{'), `Sam's reply shows no raw JSON: ${reply}`);
  assert(reply.includes('This host can help'), `Sam's reply is the JSON's reply: ${reply}`);
  log('the host card and the proposal arrived; the reply is plain words');

  await guest.page.getByRole('button', { name: 'Book this' }).click();
  await guest.page.getByTestId('proposal-used').filter({ hasText: 'Requested — see Sessions' }).waitFor();
  log('"Book this" requested the session');

  await guest.page.reload();
  await go(guest.page, 'Sam');
  await guest.page.getByTestId('proposal-used').filter({ hasText: 'Requested — see Sessions' }).waitFor();
  assert((await guest.page.getByRole('button', { name: 'Book this' }).count()) === 0, 'no active button after a reload');
  log('after a reload the card shows the proposal was used');

  await paula.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sessions' }).click();
  await paula.page.locator('[data-testid="session"][data-status="requested"]').waitFor();
  log("Paula sees the requested session");
  await guest.context.close();
  await paula.context.close();
});
