// Web Push on this device (Settings → Notifications): subscribe with the server's VAPID key through the service
// worker's PushManager and register the subscription, or the reverse. Loaded only with the settings view.
import { webPush } from './viewEndpoints';

const DEVICE_KEY = 'humanchat.pushDevice';

/** The VAPID key as PushManager.subscribe takes it: base64url (padding optional) → bytes. */
export function applicationServerKey(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Whether this browser can receive Web Push at all. */
export function pushSupported(): boolean {
  return typeof navigator !== 'undefined' && 'serviceWorker' in navigator && typeof window !== 'undefined' && 'PushManager' in window;
}

/** Whether this device is subscribed now. */
export async function pushIsOn(): Promise<boolean> {
  const registration = await navigator.serviceWorker.ready;
  return (await registration.pushManager.getSubscription()) !== null;
}

/**
 * Turns push on for this device: the notification permission (asked on the person's click), a subscription made with
 * the server's key, registered with the server. Throws a sentence to show when it cannot.
 */
export async function enablePush(): Promise<void> {
  if ((await Notification.requestPermission()) !== 'granted') {
    throw new Error('Notifications are blocked for this site in the browser’s settings.');
  }
  const { publicKey } = await webPush.key();
  if (!publicKey) throw new Error('Push notifications are not set up on this server.');
  const registration = await navigator.serviceWorker.ready;
  const subscription =
    (await registration.pushManager.getSubscription()) ??
    (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: applicationServerKey(publicKey) }));
  const device = await webPush.register(subscription.toJSON());
  localStorage.setItem(DEVICE_KEY, device.id);
}

/** Turns push off for this device: the server forgets the subscription, then the browser drops it. */
export async function disablePush(): Promise<void> {
  const registration = await navigator.serviceWorker.ready;
  const subscription = await registration.pushManager.getSubscription();
  // registering again is idempotent and names the device when this browser never stored its id
  const deviceId = localStorage.getItem(DEVICE_KEY) ?? (subscription ? (await webPush.register(subscription.toJSON())).id : null);
  if (deviceId) await webPush.remove(deviceId).catch(() => undefined); // already gone: nothing to forget
  localStorage.removeItem(DEVICE_KEY);
  await subscription?.unsubscribe();
}
