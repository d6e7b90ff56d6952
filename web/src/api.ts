import { AUTH, type ChatDatabase } from './db';
import type { AuthAnswer, User } from './types';

/** RFC 9457 problem from the API (or a synthesised one for network failures: status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: {
      title?: string;
      detail?: string;
      type?: string;
      errors?: { field?: string; message?: string }[];
      /** A refused booking of a host with availability: the next free slots. */
      nextSlots?: { start: string; end: string }[];
    },
  ) {
    super(problem.detail || problem.title || `HTTP ${status}`);
  }

  /** True when the request never got an answer (offline, server down): worth retrying later. */
  get isNetwork(): boolean {
    return this.status === 0;
  }

  get isRetryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status === 503 || this.status >= 500;
  }
}

export interface StoredAuth {
  user: User;
  accessToken: string;
  refreshToken: string;
  /** epoch millis when the access token expires */
  expiresAt: number;
}

/** Calls the HTTP API with the stored bearer token, refreshing it (once, shared) when it expired or is refused. */
export class Api {
  private auth: StoredAuth | undefined;
  private refreshing: Promise<StoredAuth | undefined> | undefined;

  constructor(
    private readonly db: ChatDatabase,
    private readonly onSignedOut: () => void,
    private readonly base = '',
  ) {}

  async load(): Promise<StoredAuth | undefined> {
    this.auth = await this.db.setting<StoredAuth>(AUTH);
    return this.auth;
  }

  get current(): StoredAuth | undefined {
    return this.auth;
  }

  async signIn(answer: AuthAnswer): Promise<StoredAuth> {
    this.auth = {
      user: answer.user,
      accessToken: answer.accessToken,
      refreshToken: answer.refreshToken,
      expiresAt: Date.now() + answer.expiresIn * 1000,
    };
    await this.db.putSetting(AUTH, this.auth);
    return this.auth;
  }

  /** Keeps the stored account in step after it changed (a verified address). */
  async updateUser(user: User): Promise<void> {
    if (!this.auth) return;
    this.auth = { ...this.auth, user };
    await this.db.putSetting(AUTH, this.auth);
  }

  /** A token good for at least another minute (for the socket, which cannot answer 401 to script). */
  async freshAccessToken(): Promise<string | undefined> {
    if (!this.auth) return undefined;
    if (this.auth.expiresAt - Date.now() < 60_000) await this.refresh();
    return this.auth?.accessToken;
  }

  private refresh(): Promise<StoredAuth | undefined> {
    if (!this.refreshing) {
      const refreshToken = this.auth?.refreshToken;
      this.refreshing = (async () => {
        if (!refreshToken) return undefined;
        try {
          const answer = await this.raw<AuthAnswer>('POST', '/api/auth/refresh', { refreshToken }, undefined);
          return await this.signIn(answer.body);
        } catch (e) {
          if (e instanceof ApiError && !e.isNetwork) {
            this.auth = undefined;
            this.onSignedOut();
          }
          throw e;
        }
      })().finally(() => {
        this.refreshing = undefined;
      });
    }
    return this.refreshing;
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    return (await this.callWithStatus<T>(method, path, body)).body;
  }

  /** Like {@link call} but also gives the status (201 vs 202 matters for sends). */
  async callWithStatus<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    try {
      return await this.raw<T>(method, path, body, this.auth?.accessToken);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401 && this.auth) {
        await this.refresh();
        return this.raw<T>(method, path, body, this.auth?.accessToken);
      }
      throw e;
    }
  }

  private async raw<T>(
    method: string,
    path: string,
    body: unknown,
    token: string | undefined,
  ): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await fetch(this.base + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, { title: 'offline', detail: 'The server could not be reached.' });
    }
    const text = await response.text();
    const json = text ? safeJson(text) : undefined;
    if (!response.ok) throw new ApiError(response.status, (json as object) ?? { title: response.statusText });
    return { status: response.status, body: json as T };
  }

  /** A text resource (a calendar file) read with a fresh bearer token; its problem answer throws as {@link call}'s. */
  async text(path: string): Promise<string> {
    const token = await this.freshAccessToken();
    let response: Response;
    try {
      response = await fetch(this.base + path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
    } catch {
      throw new ApiError(0, { title: 'offline', detail: 'The server could not be reached.' });
    }
    const text = await response.text();
    if (!response.ok) throw new ApiError(response.status, (safeJson(text) as object) ?? { title: response.statusText });
    return text;
  }

  async signOut(): Promise<void> {
    const refreshToken = this.auth?.refreshToken;
    this.auth = undefined;
    if (refreshToken) {
      await this.raw('POST', '/api/auth/logout', { refreshToken }, undefined).catch(() => undefined);
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { title: text };
  }
}
