import { unauthorized } from './errors';
import type { Store } from './store';

// Sessions as OAuth 2.0 Security BCP (RFC 9700, 4.14) describes refresh token rotation: a sign-in starts a
// family; each refresh token is single-use and is exchanged for a new access token and a new refresh token of
// the same family; presenting a used one again means it leaked, so the whole family ends.

/** The tokens a sign-in or a refresh hands out. */
export interface IssuedTokens {
  accessToken: string;
  /** When the access token expires, in ms since the epoch. */
  expiresAt: number;
  refreshToken: string;
  /** When the refresh token expires, in ms since the epoch. */
  refreshExpiresAt: number;
}

export const randomSecret = (prefix: string): string =>
  `${prefix}_${globalThis.crypto.randomUUID().replaceAll('-', '')}`;

function issue(store: Store, userId: string, familyId: string): IssuedTokens {
  const now = Date.now();
  const accessToken = randomSecret('at');
  const refreshToken = randomSecret('rt');
  const expiresAt = now + store.options.accessTokenTtlMs;
  const refreshExpiresAt = now + store.options.refreshTokenTtlMs;
  store.sessions.set(accessToken, { accessToken, userId, expiresAt, familyId });
  store.refreshTokens.set(refreshToken, { refreshToken, userId, familyId, expiresAt: refreshExpiresAt, used: false });
  return { accessToken, expiresAt, refreshToken, refreshExpiresAt };
}

/** Starts a session family for `userId` (a sign-in): its first access and refresh tokens. */
export function openSession(store: Store, userId: string): IssuedTokens {
  return issue(store, userId, randomSecret('fam'));
}

/**
 * Exchanges `refreshToken` for new tokens of its family; the presented token is used up. 401 when it is
 * unknown or revoked (`token_revoked`), expired (`session_expired`), or already used (`refresh_token_reused`:
 * the whole family is revoked as well).
 */
export function rotateSession(store: Store, refreshToken: string): IssuedTokens {
  const record = store.refreshTokens.get(refreshToken);
  if (record === undefined || !store.users.has(record.userId)) {
    throw unauthorized('The refresh token is invalid or was revoked: sign in again', 'token_revoked');
  }
  if (record.used) {
    revokeFamily(store, record.familyId);
    throw unauthorized(
      'The refresh token was already used: the session is revoked, because the token may have been stolen',
      'refresh_token_reused',
    );
  }
  if (record.expiresAt <= Date.now()) {
    revokeFamily(store, record.familyId);
    throw unauthorized('The refresh token has expired: sign in again', 'session_expired');
  }
  record.used = true;
  return issue(store, record.userId, record.familyId);
}

/** Ends every access and refresh token of the family. */
export function revokeFamily(store: Store, familyId: string): void {
  for (const [token, session] of store.sessions) if (session.familyId === familyId) store.sessions.delete(token);
  for (const [token, record] of store.refreshTokens)
    if (record.familyId === familyId) store.refreshTokens.delete(token);
}

/** Ends every session family of `userId`, but `keepFamily` (the one that asked, e.g. for a password change). */
export function revokeUserSessions(store: Store, userId: string, keepFamily?: string): void {
  for (const [token, session] of store.sessions) {
    if (session.userId === userId && session.familyId !== keepFamily) store.sessions.delete(token);
  }
  for (const [token, record] of store.refreshTokens) {
    if (record.userId === userId && record.familyId !== keepFamily) store.refreshTokens.delete(token);
  }
}
