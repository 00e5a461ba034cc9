import type { RefreshTokenDelivery } from '../../api/contract/user-routes';
import type { IssuedTokens } from './sessions';

/** The cookie a browser keeps the refresh token in: httpOnly, so no script (and no XSS) can read it. */
export const REFRESH_COOKIE = 'aurora_refresh';

/** The HTTP side of a request that session handlers need: its cookies, and headers to add to the answer. */
export interface Exchange {
  /** The value of cookie `name` the request carries, if any. */
  cookie(name: string): string | undefined;
  /** Headers added to the answer (Set-Cookie). */
  readonly headers: Headers;
  /** Whether the request came over https: the cookie is then `Secure`. */
  readonly secure: boolean;
  /** The API base path (`/api`): the cookie is sent to `<basePath>/auth` only. */
  readonly basePath: string;
}

function cookiesOf(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    const name = part.slice(0, at).trim();
    // The first cookie of a name wins, as browsers send the most specific path first.
    if (!cookies.has(name)) cookies.set(name, part.slice(at + 1).trim());
  }
  return cookies;
}

/** The exchange of `request` served under `basePath`. */
export function exchangeOf(request: Request, basePath: string): Exchange {
  const cookies = cookiesOf(request.headers.get('Cookie'));
  return {
    cookie: (name) => cookies.get(name),
    headers: new Headers(),
    secure: new URL(request.url).protocol === 'https:',
    basePath,
  };
}

/** Sets (or with `maxAgeSeconds` 0, clears) the refresh cookie on the answer. */
export function setRefreshCookie(exchange: Exchange, value: string, maxAgeSeconds: number): void {
  const attributes = [
    `${REFRESH_COOKIE}=${value}`,
    `Path=${exchange.basePath}/auth`,
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${String(maxAgeSeconds)}`,
    ...(exchange.secure ? ['Secure'] : []),
  ];
  exchange.headers.append('Set-Cookie', attributes.join('; '));
}

/**
 * The `session` of a login or refresh answer: with delivery `cookie` the refresh token goes into the httpOnly
 * cookie and not into the body; with `body` it is in the body (Node clients keep it in memory) and no cookie is set.
 */
export function deliverSession(exchange: Exchange, tokens: IssuedTokens, delivery: RefreshTokenDelivery) {
  const session = { accessToken: tokens.accessToken, expiresAt: new Date(tokens.expiresAt).toISOString() };
  if (delivery === 'body') return { ...session, refreshToken: tokens.refreshToken };
  const maxAge = Math.max(0, Math.ceil((tokens.refreshExpiresAt - Date.now()) / 1000));
  setRefreshCookie(exchange, tokens.refreshToken, maxAge);
  return session;
}
