import { ClientRequest } from 'node:http';
import { getRawRequest } from '@mswjs/interceptors';
import { HttpResponse } from 'msw';
import type { WUIBridge } from '../../event-helper';
import type { EventArgs, EventName } from '../../event-names';

/**
 * Resolves when the client aborts the HTTP call behind an msw `request`.
 *
 * `request.signal` is listened to, but on Node msw intercepts axios at the `http.ClientRequest` level and never
 * aborts that signal; so the raw ClientRequest is watched too: it closes before any response only when the
 * client destroyed it (axios does so when its AbortSignal fires).
 */
export function whenAborted(request: Request): Promise<void> {
  return new Promise((resolve) => {
    request.signal.addEventListener('abort', () => resolve(), { once: true });
    const raw = getRawRequest(request);
    if (raw instanceof ClientRequest) raw.once('close', () => resolve());
  });
}

/** An msw resolver that never answers: it records the call, then records its abort when the client gives up. */
export function hangingResolver(calls: string[]) {
  const { opened: reached, open: reachedResolve } = gate();
  const resolver = async ({ request }: { request: Request }) => {
    const name = `${request.method} ${new URL(request.url).pathname}`;
    calls.push(`${name} started`);
    reachedResolve();
    await whenAborted(request);
    calls.push(`${name} aborted`);
    return HttpResponse.error();
  };
  return { resolver, reached };
}

/** Resolves with the arguments of the next `event` on `bridge` whose meta has `requestId`. */
export function nextEvent<E extends EventName>(bridge: WUIBridge, event: E, requestId: string): Promise<EventArgs<E>> {
  return new Promise((resolve) => {
    const off = bridge.on(event, (...args: EventArgs<E>) => {
      const meta: unknown = args[1];
      if (typeof meta !== 'object' || meta === null || (meta as { requestId?: unknown }).requestId !== requestId)
        return;
      off();
      resolve(args);
    });
  });
}

/** Lets pending promise callbacks and `rounds` macrotasks run, so late events would show up in the log. */
export async function settleAll(rounds = 5): Promise<void> {
  for (let round = 0; round < rounds; round++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** A promise and the function that resolves it, to gate an msw resolver on something the test does. */
export function gate(): { opened: Promise<void>; open: () => void } {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}
