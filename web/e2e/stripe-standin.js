// A stand-in for Stripe.js, served by the end-to-end scenarios (money.mjs) in place of https://js.stripe.com/…: the
// production code keeps loadStripe() and <Elements>/<PaymentElement> from @stripe/react-stripe-js, and this file is
// what they find as window.Stripe. The Payment Element renders a plain card-number input in the page (Stripe's own
// is an iframe), and confirmPayment() posts the card to https://api.stripe.com/v1/payment_intents/:id/confirm as
// Stripe.js does; the scenario routes that host to the local Stripe-shaped server (STRIPE_STANDIN_URL), whose test
// cards decide: 4242… succeeds, 4000000000000002 is declined, 4000002500003155 requires_action. The answer comes back
// as Stripe.js gives it: { error } or { paymentIntent }. (A requires_action intent is returned as it is: the real
// Stripe.js would open the bank's check here.)
(() => {
  const API = 'https://api.stripe.com/v1';

  function paymentElement() {
    const listeners = {};
    let root;
    let input;
    const emit = (event, payload) => (listeners[event] || []).slice().forEach((handler) => handler(payload));
    return {
      mount(target) {
        root = typeof target === 'string' ? document.querySelector(target) : target;
        const label = document.createElement('label');
        label.textContent = 'Card number';
        input = document.createElement('input');
        input.name = 'cardnumber';
        input.autocomplete = 'cc-number';
        input.inputMode = 'numeric';
        input.placeholder = '1234 1234 1234 1234';
        input.addEventListener('input', () => {
          const digits = input.value.replace(/\D/g, '');
          emit('change', { elementType: 'payment', empty: digits.length === 0, complete: digits.length >= 15, value: { type: 'card' } });
        });
        input.addEventListener('focus', () => emit('focus', { elementType: 'payment' }));
        input.addEventListener('blur', () => emit('blur', { elementType: 'payment' }));
        label.append(input);
        root.append(label);
        setTimeout(() => emit('ready', { elementType: 'payment' }));
      },
      on(event, handler) {
        (listeners[event] ||= []).push(handler);
        return this;
      },
      off(event, handler) {
        listeners[event] = (listeners[event] || []).filter((h) => h !== handler);
        return this;
      },
      update() {},
      focus() {
        input?.focus();
      },
      blur() {
        input?.blur();
      },
      clear() {
        if (input) input.value = '';
      },
      unmount() {
        root?.replaceChildren();
      },
      destroy() {
        root?.replaceChildren();
        root = undefined;
      },
      cardNumber() {
        return input ? input.value.replace(/\s/g, '') : '';
      },
    };
  }

  function Stripe(publishableKey) {
    const unsupported = (name) => () => Promise.reject(new Error(`Stripe.js stand-in: ${name} is not part of it`));
    return {
      elements(options = {}) {
        const created = {};
        return {
          clientSecret: options.clientSecret,
          create(type) {
            created[type] = paymentElement();
            return created[type];
          },
          getElement(type) {
            return created[type] || null;
          },
          update() {},
          fetchUpdates: () => Promise.resolve({}),
          submit: () => Promise.resolve({}),
        };
      },
      async confirmPayment({ elements, confirmParams = {} }) {
        const clientSecret = elements.clientSecret;
        const intentId = clientSecret.split('_secret_')[0];
        const body = new URLSearchParams({
          key: publishableKey,
          client_secret: clientSecret,
          'payment_method_data[type]': 'card',
          'payment_method_data[card][number]': elements.getElement('payment')?.cardNumber() ?? '',
        });
        if (confirmParams.return_url) body.set('return_url', confirmParams.return_url);
        let response;
        try {
          response = await fetch(`${API}/payment_intents/${intentId}/confirm`, { method: 'POST', body });
        } catch (e) {
          return { error: { type: 'api_connection_error', message: `Stripe could not be reached (${e.message}).` } };
        }
        const json = await response.json();
        return json.error ? { error: json.error } : { paymentIntent: json };
      },
      createToken: unsupported('createToken'),
      createPaymentMethod: unsupported('createPaymentMethod'),
      confirmCardPayment: unsupported('confirmCardPayment'),
      registerAppInfo() {},
      _registerWrapper() {},
    };
  }
  // @stripe/stripe-js compares this with the release it expects (a mismatch only warns).
  Stripe.version = 'endive';
  window.Stripe = Stripe;
})();
