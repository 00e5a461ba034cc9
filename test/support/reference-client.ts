import { createReferenceApi, demoCredentials, type Credentials, type ReferenceApiOptions } from '../../testing';
import { rawClient } from '../../testing/reference-api/raw-client';

// The reference API on its own, without msw or a handler: for the tests of the API itself (reference-api-*).

/**
 * A fresh reference API and a raw client that calls its app in-process: `call` sends a route by id and checks
 * every success body against the route's response schema, `login` answers an access token. Long-running
 * operations have succeeded when they are accepted, unless `options` give an `operationDurationMs`.
 */
export function referenceClient(options: ReferenceApiOptions = {}) {
  const api = createReferenceApi({ operationDurationMs: 0, ...options });
  return { api, ...rawClient((request) => api.app.fetch(request), api.baseUrl) };
}

/** {@link referenceClient}, with the `token` of a session of `credentials` (the demo user by default). */
export async function signedInClient(options: ReferenceApiOptions = {}, credentials: Credentials = demoCredentials) {
  const client = referenceClient(options);
  return { ...client, token: await client.login(credentials) };
}
