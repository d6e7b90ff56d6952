import Dexie, { type Table } from 'dexie';
import type { Conversation, ManagedRequest, Message, PendingSend, Session } from './types';

/** An image's thumbnail kept for offline reading. */
export interface AttachmentPreview {
  attachmentId: string;
  blob: Blob;
}

export interface Setting {
  key: string;
  value: unknown;
}

/** Setting keys. */
export const SYNC_CURSOR = 'syncCursor';
/** The notifications the last /api/sync answer carried (unread count, newest items), for a reload without a network. */
export const SYNCED_NOTIFICATIONS = 'syncedNotifications';
export const AUTH = 'auth';

/**
 * The offline cache the UI reads from: what /api/sync and socket frames wrote, plus sends not yet confirmed.
 * Messages are keyed by (conversationId, seq), so a frame seen twice is stored once.
 */
export class ChatDatabase extends Dexie {
  conversations!: Table<Conversation, string>;
  messages!: Table<Message, [string, number]>;
  outbox!: Table<PendingSend, string>;
  sessions!: Table<Session, string>;
  requests!: Table<ManagedRequest, string>;
  settings!: Table<Setting, string>;
  previews!: Table<AttachmentPreview, string>;

  constructor(name = 'humanchat') {
    super(name);
    this.version(1).stores({
      conversations: 'conversationId, lastActivity',
      messages: '[conversationId+seq], conversationId, clientMessageId',
      outbox: 'clientMessageId, conversationId, queuedAt',
      sessions: 'sessionId, updatedAt, status',
      requests: 'requestId, status',
      settings: 'key',
    });
    this.version(2).stores({ previews: 'attachmentId' });
  }

  async setting<T>(key: string): Promise<T | undefined> {
    return (await this.settings.get(key))?.value as T | undefined;
  }

  async putSetting(key: string, value: unknown): Promise<void> {
    await this.settings.put({ key, value });
  }

  /** The unread messages over every cached conversation but the `muted` ones: the badges the sidebar shows, added up. */
  async totalUnread(muted: ReadonlySet<string> = new Set()): Promise<number> {
    let total = 0;
    await this.conversations.each((c) => {
      if (!muted.has(c.conversationId)) total += c.unreadCount;
    });
    return total;
  }

  /** Everything the signed-in user had cached (sign-out, or another user signs in). */
  async clearAll(): Promise<void> {
    await this.transaction('rw', this.tables, async () => {
      await Promise.all(this.tables.map((t) => t.clear()));
    });
  }
}
