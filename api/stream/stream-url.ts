import { streamUrlUnresolvable } from '../../errors/messages';
import { eventRoutes } from '../contract/event-routes';

function pageLocation(): string | undefined {
  const location = (globalThis as { location?: { href?: unknown } }).location;
  return typeof location?.href === 'string' ? location.href : undefined;
}

/**
 * The URL of `GET /events` below `apiBaseUrl`. A relative base (such as `/api` on the page that serves the
 * API) is resolved against `baseLocation` (the page's location). Only this URL is ever contacted: the path is
 * the contract's, never data from the API, and redirects are not followed.
 */
export function streamUrl(apiBaseUrl: string, baseLocation: string | undefined = pageLocation()): URL {
  let base: URL;
  try {
    base = new URL(apiBaseUrl, baseLocation);
  } catch {
    throw streamUrlUnresolvable(apiBaseUrl);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw streamUrlUnresolvable(apiBaseUrl);
  const url = new URL(base.href);
  url.pathname = `${base.pathname.replace(/\/+$/, '')}${eventRoutes.streamEvents.path}`;
  url.search = '';
  url.hash = '';
  return url;
}
