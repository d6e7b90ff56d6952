import { ApiError, type Api } from './api';
import { withLive } from './announcements';
import { SYNC_CURSOR, SYNCED_NOTIFICATIONS, type ChatDatabase } from './db';
import type { Announcement } from './endpoints';
import { queryClient } from './queries';
import { fromSync, NOTIFICATIONS_KEY } from './notifications';
import { afterStep, rescheduleKey } from './reschedule';
import { moneyChanged } from './moneyQueries';
import { useUi } from './store';
import {
  applyFrame,
  applyMessage,
  applySyncPage,
  nextToDeliver,
  queueSend,
  settleSend,
  type FrameEffect,
} from './sync';
import type { Message, PendingSend, Reschedule, RtcPayload, SendExtras, ServerFrame, SyncPage } from './types';

const PING_EVERY_MS = 20_000;
const MAX_BACKOFF_MS = 15_000;
const SYNC_PAGE = 500;
const RESOLVE_ATTEMPTS = 8;

type RtcListener = (signal: { sessionId: string; fromUserId?: string; payload: RtcPayload }) => void;

/**
 * Keeps the cache in step with the server: REST catch-up from the stored sync cursor, then the socket with
 * `since=<cursor>`; live frames go into Dexie (state) or the UI store (presence, typing). Sends go through the
 * outbox and are delivered one at a time, in order, whenever the link is up.
 */
export class Connection {
  private socket: WebSocket | undefined;
  private stopped = false;
  private attempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private flushing: Promise<void> | undefined;
  private syncing: Promise<void> | undefined;
  private readonly rtcListeners = new Set<RtcListener>();
  private readonly resolving = new Set<string>();

  constructor(
    private readonly api: Api,
    private readonly db: ChatDatabase,
    private readonly me: string,
  ) {}

  start(): void {
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    // The bell from the last sync until this one answers (at once when the page was reloaded without a network).
    void this.db.setting<SyncPage['notifications']>(SYNCED_NOTIFICATIONS).then((kept) => {
      if (kept && !queryClient.getQueryData(NOTIFICATIONS_KEY)) queryClient.setQueryData(NOTIFICATIONS_KEY, fromSync(kept));
    });
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    clearTimeout(this.reconnectTimer);
    clearInterval(this.pingTimer);
    this.socket?.close(1000);
  }

  private readonly onOnline = () => {
    this.attempt = 0;
    clearTimeout(this.reconnectTimer);
    if (!this.socket) void this.connect();
  };

  private readonly onOffline = () => {
    // The browser knows the network is gone: drop the socket now rather than wait for its close handshake.
    const socket = this.socket;
    this.socket = undefined;
    clearInterval(this.pingTimer);
    useUi.getState().setLink('offline');
    socket?.close(4000, 'offline');
  };

  private async connect(): Promise<void> {
    if (this.stopped || this.socket) return;
    useUi.getState().setLink('connecting');
    try {
      await this.syncNow();
      const token = await this.api.freshAccessToken();
      if (!token || this.stopped) return;
      const cursor = await this.db.setting<string>(SYNC_CURSOR);
      const url = new URL('/ws', location.href);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      url.searchParams.set('access_token', token);
      if (cursor) url.searchParams.set('since', cursor);
      this.open(url.toString());
    } catch (e) {
      this.scheduleReconnect(e);
    }
  }

  private open(url: string): void {
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.onmessage = (event) => {
      let frame: ServerFrame;
      try {
        frame = JSON.parse(String(event.data)) as ServerFrame;
      } catch {
        return;
      }
      void this.onFrame(frame);
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      clearInterval(this.pingTimer);
      useUi.getState().setLink('offline');
      this.scheduleReconnect(undefined);
    };
  }

  private scheduleReconnect(error: unknown): void {
    if (this.stopped) return;
    if (error instanceof ApiError && error.status === 401) return; // signed out by the API
    useUi.getState().setLink('offline');
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return; // the 'online' event reconnects
    const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** this.attempt++) * (0.75 + Math.random() / 2);
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => void this.connect(), delay);
  }

  /** Pages /api/sync from the stored cursor until a page is not full (a full snapshot when there is no cursor). */
  syncNow(): Promise<void> {
    if (!this.syncing) {
      this.syncing = (async () => {
        for (;;) {
          const cursor = await this.db.setting<string>(SYNC_CURSOR);
          const query = cursor ? `?since=${encodeURIComponent(cursor)}&limit=${SYNC_PAGE}` : '';
          const page = await this.api.call<SyncPage>('GET', `/api/sync${query}`);
          const effects = await applySyncPage(this.db, page, this.me);
          if (page.notifications) queryClient.setQueryData(NOTIFICATIONS_KEY, fromSync(page.notifications));
          await Promise.all(effects.map((e) => this.follow(e, false)));
          if (!page.limited || page.nextCursor === cursor) break;
        }
      })().finally(() => {
        this.syncing = undefined;
      });
    }
    return this.syncing;
  }

  private async onFrame(frame: ServerFrame): Promise<void> {
    const ui = useUi.getState();
    switch (frame.type) {
      case 'hello':
        this.attempt = 0;
        ui.setLink('online');
        clearInterval(this.pingTimer);
        this.pingTimer = setInterval(() => this.sendFrame({ type: 'ping' }), PING_EVERY_MS);
        void this.flush();
        return;
      case 'typing':
        if (frame.userId !== this.me) ui.setTyping(frame.conversationId, frame.userId, frame.isTyping);
        return;
      case 'presence':
        ui.setPresence(frame.userId, frame.status);
        return;
      case 'announcement':
        // Server state like GET /api/announcements: it joins that query's data (the banner reads it).
        queryClient.setQueryData(['announcements'], (loaded: { items: Announcement[] } | undefined) =>
          withLive(loaded, frame as unknown as Announcement),
        );
        return;
      case 'report.resolved':
        // The reporter's own list (GET /api/reports) now has the outcome; the notice reads it.
        void queryClient.invalidateQueries({ queryKey: ['my-reports'] });
        return;
      case 'notifications':
        // The notifier added one or read marks changed: the bell's list is server state, fetched again.
        void queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
        return;
      case 'rtc.signal':
        this.rtcListeners.forEach((l) => l(frame));
        return;
      case 'payment.updated':
      case 'payment.account-updated':
        moneyChanged();
        break;
      case 'session.updated':
        // A reschedule step leaves the status as it was: its card (keyed by the session's updatedAt, which the frame
        // moves) shows the step from the frame, as the projection it reads may not have caught up yet.
        if (frame.reschedule) {
          const key = rescheduleKey(frame.session.sessionId);
          const known = queryClient.getQueriesData<Reschedule>({ queryKey: key }).flatMap(([, state]) => (state ? [state] : []));
          queryClient.setQueryData([...key, frame.session.updatedAt], afterStep(known.at(-1), frame.session, frame.reschedule));
        }
        break;
      case 'message.new':
        if (frame.message.senderId !== this.me) ui.setTyping(frame.message.conversationId, frame.message.senderId, false);
        break;
      case 'error':
        // The socket could not replay everything missed since the cursor: fetch the rest over REST.
        if (frame.code === 'sync_failed') void this.syncNow().catch(() => undefined);
        if (frame.clientMessageId) {
          await this.db.outbox.update(frame.clientMessageId, { status: 'failed', error: frame.message });
        }
        return;
      default:
        break;
    }
    await this.follow(await applyFrame(this.db, frame, this.me), true);
  }

  /** Fetches what a frame showed missing: a seq range (gap) or a whole conversation (unknown). */
  private async follow(effect: FrameEffect, live: boolean): Promise<void> {
    if (effect.gap) {
      const { conversationId, afterSeq, beforeSeq } = effect.gap;
      const page = await this.api
        .call<{ items: Message[] }>(
          'GET',
          `/api/conversations/${conversationId}/messages?after=${afterSeq}&limit=${Math.min(200, beforeSeq - afterSeq)}`,
        )
        .catch(() => undefined);
      for (const m of page?.items ?? []) await applyMessage(this.db, m, this.me);
    }
    if (effect.unknownConversation && live) await this.resolveConversation(effect.unknownConversation);
  }

  /**
   * A live message can name a conversation before the projection that /api/sync reads has it (a new conversation's
   * first message): sync again, backing off, until the conversation is there.
   */
  private async resolveConversation(conversationId: string): Promise<void> {
    if (this.resolving.has(conversationId)) return;
    this.resolving.add(conversationId);
    try {
      for (let attempt = 0; attempt < RESOLVE_ATTEMPTS && !this.stopped; attempt++) {
        await this.syncNow().catch(() => undefined);
        if (await this.db.conversations.get(conversationId)) return;
        await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** Math.min(attempt, 4)));
      }
    } finally {
      this.resolving.delete(conversationId);
    }
  }

  sendFrame(frame: Record<string, unknown>): boolean {
    if (this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  onRtcSignal(listener: RtcListener): () => void {
    this.rtcListeners.add(listener);
    return () => this.rtcListeners.delete(listener);
  }

  /** Queues a message and tries to deliver the queue now; offline it stays queued until the next `hello`. */
  async send(conversationId: string, content: string, extras: SendExtras = {}): Promise<PendingSend> {
    const pending = await queueSend(this.db, conversationId, content, this.me, crypto.randomUUID(), extras);
    void this.flush();
    return pending;
  }

  async retry(clientMessageId: string): Promise<void> {
    await this.db.outbox.update(clientMessageId, { status: 'queued', error: undefined });
    void this.flush();
  }

  /** Delivers queued sends one after another (so they keep their order) until the queue is empty or the link fails. */
  flush(): Promise<void> {
    if (!this.flushing) {
      this.flushing = (async () => {
        for (;;) {
          const pending = await nextToDeliver(this.db);
          if (!pending) return;
          await this.db.outbox.update(pending.clientMessageId, { status: 'sending' });
          try {
            const { status, body } = await this.api.callWithStatus<Message>(
              'POST',
              `/api/conversations/${pending.conversationId}/messages`,
              {
                clientMessageId: pending.clientMessageId,
                content: pending.content,
                ...(pending.replyToSeq === undefined ? {} : { replyToSeq: pending.replyToSeq }),
                ...(pending.attachments?.length ? { attachmentIds: pending.attachments.map((a) => a.attachmentId) } : {}),
                ...(pending.mentionedUserIds?.length ? { mentionedUserIds: pending.mentionedUserIds } : {}),
              },
            );
            await settleSend(this.db, pending, status === 201 ? { kind: 'stored', message: body } : { kind: 'accepted' }, this.me);
          } catch (e) {
            if (e instanceof ApiError && !e.isRetryable) {
              await settleSend(this.db, pending, { kind: 'refused', reason: e.message }, this.me);
              continue;
            }
            await settleSend(this.db, pending, { kind: 'retry-later' }, this.me);
            // The server is busy but reachable: try again shortly; a network failure waits for the next hello.
            if (this.socket?.readyState === WebSocket.OPEN) setTimeout(() => void this.flush(), 3000);
            return;
          }
        }
      })().finally(() => {
        this.flushing = undefined;
      });
    }
    return this.flushing;
  }
}
