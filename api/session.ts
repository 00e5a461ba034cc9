import { isBackendError, type BackendError } from '../errors/backend-error';
import { refreshFailed } from '../errors/messages';
import { createRecentTokens } from './http/session-tokens';
import type { AccessTokenProvider } from './http/transport';

import type { RefreshTokenDelivery, SessionTokens } from './contract/user-routes';

export type { RefreshTokenDelivery, SessionTokens } from './contract/user-routes';

/** Renews an access token after a `401`, once for every request that met it at the same time. */
export interface SessionRefresher {
  /** Supplies the current access token to the transport. */
  getAccessToken: AccessTokenProvider;
  /**
   * Called by the transport when a call made with `rejectedToken` got `401`. Resolves `true` when a newer
   * token is ready (the call is then replayed once), `false` when the session could not be renewed.
   */
  refresh(rejectedToken: string | undefined, requestId: string): Promise<boolean>;
}

/** The session opened by `login`, held in memory only: never in web storage, events or logs. */
export interface Session extends SessionRefresher {
  /** How this session asks the API to deliver its refresh token. */
  readonly refreshTokenDelivery: RefreshTokenDelivery;
  open(tokens: SessionTokens): void;
  close(): void;
}

/** Called once per failed renewal of a session that existed: the handler clears the state and says so. */
export type OnSessionExpired = (error: BackendError, requestId: string) => void;

/**
 * Single flight: however many calls ask at once, one renewal runs and they all get its result. A call whose
 * rejected token is already older than the current one is replayed at once, with no renewal.
 */
function singleFlight(
  currentToken: () => Promise<string | undefined>,
  renew: (requestId: string) => Promise<boolean>,
): SessionRefresher['refresh'] {
  let renewing: Promise<boolean> | undefined;
  // Renewals finished so far, and how the last one ended: a caller that read the token while one finished
  // takes its result instead of starting another.
  let renewals = 0;
  let lastResult = false;
  return async (rejectedToken, requestId) => {
    if (renewing === undefined) {
      const seen = renewals;
      const current = await currentToken();
      if (current !== undefined && current !== rejectedToken) return true;
      if (renewals !== seen) return lastResult;
    }
    renewing ??= renew(requestId).then((result) => {
      renewals++;
      lastResult = result;
      renewing = undefined;
      return result;
    });
    return renewing;
  };
}

// An error that says the refresh token itself is no longer good, as opposed to a failure to reach the API.
const sessionIsOver = (error: unknown): boolean =>
  isBackendError(error) && (error.code === 'UNAUTHORIZED' || error.code === 'VALIDATION');

/** Options of {@link createSession}. */
export interface SessionOptions {
  refreshTokenDelivery: RefreshTokenDelivery;
  /** Calls `POST /auth/refresh` with the refresh token held in memory (`undefined`: the cookie carries it). */
  renew(refreshToken: string | undefined, requestId: string): Promise<SessionTokens>;
  onExpired: OnSessionExpired;
  /**
   * Runs each renewal alone among the tabs of the origin (a Web Lock). With the cookie delivery all tabs
   * share one refresh token, and two tabs presenting it at once make the API revoke the session (reuse
   * detection); after waiting, a tab renews with the cookie the other tab's renewal rotated.
   * @default undefined (renewals are single-flight within this session only)
   * @example acrossTabs(navigator.locks, 'aurora-refresh:https://console.example.com/api')
   */
  exclusive?: (<T>(task: () => Promise<T>) => Promise<T>) | undefined;
}

/**
 * The session the handler keeps itself. A page reload keeps no token in the page: the first call meets
 * `401`, and the refresh token in the httpOnly cookie renews the session without a new login.
 */
export function createSession(options: SessionOptions): Session {
  let current: { accessToken: string; expiresAt: number } | undefined;
  let refreshToken: string | undefined;
  // Whether a session existed in this page: its end is news; a failed restore after a reload is not.
  let opened = false;
  // Bumped by every open and close: a renewal that outlives the session it started for is dropped, so a
  // logout (or another login) during a refresh is never undone by it.
  let epoch = 0;
  // The API refused the refresh token (or the cookie): no more renewals until the next login.
  let refused = false;
  const { refreshTokenDelivery } = options;

  const getAccessToken = (): string | undefined => {
    if (current !== undefined && current.expiresAt <= Date.now()) current = undefined;
    return current?.accessToken;
  };

  async function renew(started: number, requestId: string): Promise<boolean> {
    // While this renewal waited for another tab's, a login or logout here replaced the token: that decides.
    if (epoch !== started) return getAccessToken() !== undefined;
    if (refused) return false;
    try {
      const tokens = await options.renew(refreshToken, requestId);
      if (epoch !== started) return false;
      session.open(tokens);
      return true;
    } catch (error) {
      if (epoch !== started || !sessionIsOver(error)) return false;
      const wasOpen = opened;
      session.close();
      refused = true;
      if (wasOpen) options.onExpired(refreshFailed(error, requestId), requestId);
      return false;
    }
  }

  const session: Session = {
    refreshTokenDelivery,
    getAccessToken,
    refresh: singleFlight(
      () => Promise.resolve(getAccessToken()),
      async (requestId) => {
        // With the token in memory and none held, there is nothing to renew with: no call.
        if (refused || (refreshTokenDelivery === 'body' && refreshToken === undefined)) return false;
        const started = epoch;
        const { exclusive } = options;
        return exclusive === undefined ? renew(started, requestId) : exclusive(() => renew(started, requestId));
      },
    ),
    open(tokens) {
      current = { accessToken: tokens.accessToken, expiresAt: Date.parse(tokens.expiresAt) };
      if (tokens.refreshToken !== undefined) refreshToken = tokens.refreshToken;
      opened = true;
      refused = false;
      epoch++;
    },
    close() {
      current = undefined;
      refreshToken = undefined;
      opened = false;
      epoch++;
    },
  };
  return session;
}

/** Options of {@link createAppSession}: the application's own token source. */
export interface AppSessionOptions {
  getAccessToken: AccessTokenProvider;
  refreshAccessToken?: (() => unknown) | undefined;
  onExpired: OnSessionExpired;
}

/**
 * The session of an application with its own auth: `auth.refreshAccessToken()` renews it, with the same
 * single-flight guarantee; when it throws, the session is over.
 */
export function createAppSession(options: AppSessionOptions): SessionRefresher {
  const { refreshAccessToken } = options;
  // The last tokens the application gave: what its callbacks throw must not repeat them.
  const seen = createRecentTokens();
  const getAccessToken = async (): Promise<string | undefined> => {
    const token = (await options.getAccessToken()) ?? undefined;
    if (token !== undefined) seen.remember(token);
    return token;
  };
  return {
    getAccessToken,
    refresh: singleFlight(
      () => getAccessToken().catch(() => undefined),
      async (requestId) => {
        if (refreshAccessToken === undefined) return false;
        try {
          await refreshAccessToken();
          return true;
        } catch (error) {
          options.onExpired(refreshFailed(error, requestId, seen.recent), requestId);
          return false;
        }
      },
    ),
  };
}
