import { tokenProviderFailed } from '../../errors/messages';
import type { CallSite } from './translate-error';

/** Supplies the bearer token for each call; `undefined` sends the call without one. */
export type AccessTokenProvider = () => string | undefined | null | Promise<string | undefined | null>;

/** How the transport authenticates calls and recovers from an expired session. */
export interface TransportSession {
  /**
   * Returns the current access token, sent as `Authorization: Bearer <token>`; read before each attempt.
   * @default undefined (calls carry no token)
   * @example () => session.accessToken
   */
  getAccessToken?: AccessTokenProvider | undefined;
  /**
   * Called when a call that may refresh (a route whose `auth` is `'bearer'`) is answered 401, with the token
   * that call sent. Resolve `true` once a new token can be read: the call is then replayed once with it (not
   * counted as a retry). Resolve `false` to let the 401 stand. Many calls may meet a 401 at once: making them
   * share one refresh (single flight) is this callback's job. `requestId` is the request the call belongs to.
   * @default undefined (a 401 is final)
   * @example (rejected) => refreshOnce(rejected)
   */
  refresh?: ((rejectedToken: string | undefined, requestId: string) => Promise<boolean>) | undefined;
}

/** How many of the latest tokens are kept to redact a failing provider's messages. */
const REMEMBERED_TOKENS = 4;

/** The last few tokens a provider gave, so that what its callbacks throw can be redacted of them. */
export function createRecentTokens() {
  const recent: string[] = [];
  return {
    recent: recent as readonly string[],
    remember: (token: string): void => {
      if (recent.includes(token)) return;
      recent.push(token);
      if (recent.length > REMEMBERED_TOKENS) recent.shift();
    },
  };
}

/**
 * Reads tokens and refreshes the session for the transport. Errors thrown by either callback become
 * `UNAUTHORIZED` errors whose texts hold none of the tokens the provider gave lately.
 */
export function createSessionTokens(session: TransportSession | undefined) {
  const provider = session?.getAccessToken;
  const { recent, remember } = createRecentTokens();

  async function read(site: CallSite): Promise<string | undefined> {
    if (provider === undefined) return undefined;
    let token: string | undefined;
    try {
      token = (await provider()) ?? undefined;
    } catch (error) {
      throw tokenProviderFailed(site, error, recent, 'getAccessToken');
    }
    if (token !== undefined) remember(token);
    return token;
  }

  async function refresh(site: CallSite, rejectedToken: string | undefined): Promise<boolean> {
    try {
      return (await session?.refresh?.(rejectedToken, site.requestId)) === true;
    } catch (error) {
      throw tokenProviderFailed(site, error, recent, 'refresh');
    }
  }

  return { read, refresh, canRefresh: session?.refresh !== undefined };
}

export type SessionTokens = ReturnType<typeof createSessionTokens>;
