// The msw entry of the testing package (`aurora-backend-handler/testing/msw`): the only module that loads msw.

import { http, type HttpHandler } from 'msw';
import type { ReferenceApi } from './reference-api/create-reference-api';

/**
 * msw handlers answering every request under `api.baseUrl` with the reference API `api`, for
 * `setupServer(...)` (msw/node) or `setupWorker(...)` (msw/browser). Injected faults apply to them too.
 * Cookies: the API reads the refresh token from the request's `Cookie` header, but neither Node (no cookie jar)
 * nor a service worker (it cannot set cookies) keeps the `Set-Cookie` it answers: under msw, sign in with
 * `refreshTokenDelivery: 'body'`, or send the `Cookie` header yourself.
 */
export function referenceHandlers(api: Pick<ReferenceApi, 'app' | 'baseUrl'>): HttpHandler[] {
  return [http.all(`${api.baseUrl}/*`, ({ request }) => api.app.fetch(request))];
}
