import { Api } from './api';
import type { Connection } from './connection';
import { ChatDatabase } from './db';
import { formatAmount } from './money';
import { useUi } from './store';

/** The app's single cache, API client and (while signed in) connection. */
export const db = new ChatDatabase();
export const api = new Api(db, () => void signOutLocally());

let connection: Connection | undefined;

export function setConnection(c: Connection | undefined): void {
  connection?.stop();
  connection = c;
}

export function conn(): Connection {
  if (!connection) throw new Error('not connected');
  return connection;
}

export function maybeConn(): Connection | undefined {
  return connection;
}

/** Signs out on this device: the socket closes and the cache is wiped (another person may use this browser). */
export async function signOutLocally(): Promise<void> {
  setConnection(undefined);
  await api.signOut();
  await db.clearAll();
  useUi.getState().setUser(undefined);
}

/** A price as shown on offers: "free" for nothing, else the amount in the reader's locale. */
export function formatMoney(amountCents: number, currency: string): string {
  return amountCents === 0 ? 'free' : formatAmount(amountCents, currency);
}
