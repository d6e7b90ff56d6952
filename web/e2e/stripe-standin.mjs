// The local Stripe stand-in as a browser uses it, under the app page's content policy: a host is onboarded on its
// hosted page and sent back to the settings, and a guest's page confirms a paid session's intent with test cards (the
// declined one first), after which the stand-in's signed webhook confirms the session. The API calls that set the
// scene go straight to the edge; what Stripe.js would do runs in the page.
import { RUN, baseUrlFromArgs, newPerson, scenario } from './lib.mjs';

const base = baseUrlFromArgs();
const standin = process.env.STRIPE_STANDIN_URL;
const PASSWORD = 'a long enough password';

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function api(token, method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

async function register(name, role) {
  const email = `${name.replace(/[^A-Za-z0-9]/g, '-').toLowerCase()}@web-e2e.test`;
  const answer = await api(null, 'POST', '/api/auth/register', { email, password: PASSWORD, displayName: name, role });
  assert(answer.status === 201, `register ${name}: ${answer.status}`);
  return { id: answer.json.user.id, token: answer.json.accessToken, email };
}

/** Follows the verification link the standalone's development outbox lists for the user's address. */
async function verify(user) {
  const entry = await until(
    `the verification e-mail to ${user.email}`,
    async () =>
      (await (await fetch(`${base}/dev/outbox`)).text())
        .split('<li')
        .find((item) => item.includes(`data-to="${user.email}"`)),
    (found) => found,
  );
  const token = new URL(entry.match(/href="([^"]+)"/)[1].replaceAll('&amp;', '&')).searchParams.get('token');
  const answer = await api(null, 'POST', '/api/auth/verify-email', { token });
  assert(answer.status === 200, `verify ${user.email}: ${answer.status}`);
}

async function until(what, read, done) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: last ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Stripe.js's confirmPayment, from the page: the intent's client secret and a test card. */
function confirmInPage(page, clientSecret, card) {
  return page.evaluate(
    async ({ url, secret, number }) => {
      const id = secret.slice(0, secret.indexOf('_secret_'));
      const body = new URLSearchParams({
        client_secret: secret,
        'payment_method_data[type]': 'card',
        'payment_method_data[card][number]': number,
      });
      const response = await fetch(`${url}/v1/payment_intents/${id}/confirm`, { method: 'POST', body });
      return { status: response.status, json: await response.json() };
    },
    { url: standin, secret: clientSecret, number: card },
  );
}

await scenario('stripe-standin', async ({ browser, log, pageConsole }) => {
  assert(standin, 'STRIPE_STANDIN_URL is not set');
  const host = await register(`Stella Standin ${RUN}`, 'host');
  const guest = await register(`Gus Guest ${RUN}`, 'user');
  await verify(host);
  assert((await api(host.token, 'PATCH', '/api/me/profile', { priceCents: 5000, currency: 'usd' })).status === 200, 'price');

  // 503 while the payments worker has not joined its consumer group yet: retried, as the client does
  const onboard = await until(
    'the onboarding link',
    () => api(host.token, 'POST', '/api/payments/connect/onboard', {}),
    (answer) => answer.status !== 503,
  );
  assert(onboard.status === 200, `onboard: ${onboard.status} ${JSON.stringify(onboard.json)}`);
  const hostPerson = await newPerson(browser, base, pageConsole, 'host');
  const landed = await hostPerson.page.goto(onboard.json.url);
  const sentTo = (await landed.request().redirectedFrom()?.response())?.headers().location;
  assert(sentTo === `${base}/#/settings?stripe=return`, `Stripe's page sent the host to ${sentTo}`);
  await until(
    'the account can take charges',
    async () => (await api(host.token, 'GET', '/api/payments/connect/status')).json,
    (status) => status.chargesEnabled && status.payoutsEnabled && status.detailsSubmitted,
  );
  log('the host onboarded on the stand-in page and came back to the settings; charges are enabled');

  const start = new Date(Date.now() + 2 * 24 * 3600 * 1000);
  start.setUTCMinutes(0, 0, 0);
  const booked = await api(guest.token, 'POST', '/api/sessions', {
    hostUserId: host.id,
    startTime: start.toISOString(),
    durationMinutes: 30,
    agreedPrice: { amountCents: 5000, currency: 'usd' },
    paymentMode: 'paid',
  });
  assert(booked.status === 201, `book: ${booked.status} ${JSON.stringify(booked.json)}`);
  const sessionId = booked.json.sessionId;
  const accepted = await api(host.token, 'PATCH', `/api/sessions/${sessionId}`, { status: 'accepted' });
  assert(accepted.json?.status === 'awaiting_payment', `accept: ${JSON.stringify(accepted.json)}`);
  assert((await api(guest.token, 'POST', '/api/payments/intents', { sessionId })).status === 202, 'intent');
  const payment = await until(
    "the session's intent",
    async () => (await api(guest.token, 'GET', `/api/payments?sessionId=${sessionId}`)).json.items[0],
    (item) => item?.clientSecret,
  );

  const guestPerson = await newPerson(browser, base, pageConsole, 'guest');
  const declined = await confirmInPage(guestPerson.page, payment.clientSecret, '4000000000000002');
  assert(declined.status === 402 && declined.json.error.code === 'card_declined', `declined: ${JSON.stringify(declined)}`);
  await until(
    'the declined payment',
    async () => (await api(guest.token, 'GET', `/api/payments/${payment.paymentId}`)).json,
    (p) => p.status === 'failed' && p.clientSecret === payment.clientSecret,
  );
  log("the page's declined card left the payment failed and still payable");

  const paid = await confirmInPage(guestPerson.page, payment.clientSecret, '4242424242424242');
  assert(paid.status === 200 && paid.json.status === 'succeeded', `paid: ${JSON.stringify(paid)}`);
  await until(
    'the session confirmed',
    async () => (await api(guest.token, 'GET', `/api/sessions/${sessionId}`)).json.status,
    (status) => status === 'confirmed',
  );
  const receipt = (await api(guest.token, 'GET', `/api/payments/${payment.paymentId}`)).json;
  assert(receipt.status === 'succeeded' && !('clientSecret' in receipt), `receipt: ${JSON.stringify(receipt)}`);
  log("the page's good card paid: the stand-in's webhook confirmed the session");
});
