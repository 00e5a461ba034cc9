import { userRoutes } from '../api/contract/user-routes';
import type { AccessTokenProvider, Transport } from '../api/http/transport';
import {
  createAppSession,
  createSession,
  type OnSessionExpired,
  type RefreshTokenDelivery,
  type Session,
  type SessionRefresher,
} from '../api/session';
import { acrossTabs, defaultLockManager, type LockManagerLike } from '../api/stream/lock-manager';

/** How calls are authenticated, and how an expired session is renewed. */
export interface AuthOptions {
  /**
   * Returns the current access token, sent as `Authorization: Bearer <token>`; it is never logged.
   * Without it, `login` opens a session the handler keeps in memory (never in web storage) and renews.
   * @default undefined (the session opened by `login`)
   * @example () => session.accessToken
   */
  getAccessToken?: AccessTokenProvider;
  /**
   * With `getAccessToken`: renews the application's token after a call met `401`. Called once however many
   * calls met it at the same time; each is then replayed once with the token `getAccessToken` gives. When it
   * throws, the session is over: `session:expired` is emitted and the state tree is cleared.
   * @default undefined (a `401` ends the call `UNAUTHORIZED`)
   * @example () => oidcClient.signinSilent()
   */
  refreshAccessToken?: () => unknown;
  /**
   * Where the API keeps the refresh token of the session opened by `login`: an httpOnly SameSite cookie the
   * page's scripts cannot read (`'cookie'`, so a page reload restores the session), or the handler's memory
   * (`'body'`, for Node, which has no cookie jar). Never web storage.
   * @default 'cookie' in browsers, 'body' elsewhere
   * @example 'body'
   */
  refreshTokenDelivery?: RefreshTokenDelivery;
}

/** The session of a handler: its own (`session`, opened by `login`) or the application's. */
export interface HandlerAuth {
  /** The session `login` opens and `logout` closes; `undefined` when the application authenticates. */
  session: Session | undefined;
  /** What the transport asks for tokens and renewals. */
  refresher: SessionRefresher;
}

function defaultDelivery(): RefreshTokenDelivery {
  return typeof document === 'undefined' ? 'body' : 'cookie';
}

/**
 * The lock under which the tabs of the origin renew a session kept in the refresh cookie, one at a time.
 * @example refreshLockName('https://console.example.com/api') // 'aurora-refresh:https://console.example.com/api'
 */
export function refreshLockName(apiBaseUrl?: string): string {
  return `aurora-refresh:${apiBaseUrl ?? (globalThis as { location?: { origin?: string } }).location?.origin ?? ''}`;
}

/**
 * Builds the handler's session: `transport()` is read lazily, because the transport itself needs the session.
 * `apiBaseUrl` scopes the cross-tab refresh lock (default: the page's origin); `locks` is the Web Locks API
 * (default `navigator.locks`; without it each tab renews on its own).
 */
export function createHandlerAuth(
  options: AuthOptions | undefined,
  transport: () => Transport,
  onExpired: OnSessionExpired,
  tabs: { apiBaseUrl?: string; locks?: LockManagerLike | undefined } = {},
): HandlerAuth {
  if (options?.getAccessToken !== undefined) {
    const { getAccessToken, refreshAccessToken } = options;
    return { session: undefined, refresher: createAppSession({ getAccessToken, refreshAccessToken, onExpired }) };
  }
  const refreshTokenDelivery = options?.refreshTokenDelivery ?? defaultDelivery();
  // Tabs share the refresh cookie; with the token in memory (`body`) each tab has its own.
  const locks = refreshTokenDelivery === 'cookie' ? (tabs.locks ?? defaultLockManager()) : undefined;
  const session = createSession({
    refreshTokenDelivery,
    onExpired,
    exclusive: locks === undefined ? undefined : acrossTabs(locks, refreshLockName(tabs.apiBaseUrl)),
    renew: async (refreshToken, requestId) => {
      const body = refreshToken === undefined ? { refreshTokenDelivery } : { refreshToken, refreshTokenDelivery };
      const answer = await transport().send(userRoutes.refreshSession, { body }, { requestId });
      return answer.session;
    },
  });
  return { session, refresher: session };
}
