import type { AccessTokenProvider } from './http/transport';

/** The session opened by `login`, held in memory only: never in web storage, events or logs. */
export interface Session {
  /** Supplies the current access token to the transport. */
  getAccessToken: AccessTokenProvider;
  open(accessToken: string, expiresAt: string): void;
  close(): void;
}

export function createSession(): Session {
  let current: { accessToken: string; expiresAt: number } | undefined;
  return {
    getAccessToken: () => {
      if (current !== undefined && current.expiresAt <= Date.now()) current = undefined;
      return current?.accessToken;
    },
    open(accessToken, expiresAt) {
      current = { accessToken, expiresAt: Date.parse(expiresAt) };
    },
    close() {
      current = undefined;
    },
  };
}
