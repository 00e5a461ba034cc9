import { http, HttpResponse } from 'msw';
import { userRoutes } from '../api/contract/user-routes';
import type { BackendError } from '../errors/backend-error';
import { buildUser } from '../testing/factories';
import { gate, whenAborted } from './support/http-abort';
import { API, server, useMockApi } from './support/setup';
import { rejectionOf, transportUnderTest } from './support/transport';

useMockApi();

const ME = `${API}/users/me`;

/** PATCH /users/me answers only when the test opens the gate of that call (by the name it sets). */
function gatedUpdates() {
  const started: string[] = [];
  const gates = new Map<string, () => void>();
  let inFlight = 0;
  let mostInFlight = 0;
  server.use(
    http.patch(ME, async ({ request }) => {
      const { name } = (await request.json()) as { name: string };
      const { opened, open } = gate();
      gates.set(name, open);
      started.push(name);
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      await opened;
      inFlight--;
      return HttpResponse.json(buildUser({ name }));
    }),
  );
  const until = async (count: number) => {
    while (started.length < count) await new Promise((resolve) => setTimeout(resolve, 1));
  };
  return { started, open: (name: string) => gates.get(name)?.(), until, mostInFlight: () => mostInFlight };
}

const update = (transport: ReturnType<typeof transportUnderTest>['transport'], name: string, signal?: AbortSignal) =>
  transport.send(userRoutes.updateUser, { body: { name } }, { requestId: name, signal });

describe('the concurrency cap', () => {
  it('keeps at most maxConcurrentCalls attempts in flight and starts the others in submission order', async () => {
    const api = gatedUpdates();
    const { transport } = transportUnderTest({ maxConcurrentCalls: 2 });
    const names = ['A', 'B', 'C', 'D', 'E'];

    const calls = names.map((name) => update(transport, name));
    await api.until(2);
    for (const name of names) {
      api.open(name);
      await api.until(Math.min(names.length, names.indexOf(name) + 3));
    }
    await Promise.all(calls);

    expect(api.started).toEqual(names);
    expect(api.mostInFlight()).toBe(2);
  });

  it('takes an aborted queued call out of the queue at once: CANCELLED, never sent, not reported', async () => {
    const api = gatedUpdates();
    const { transport, attempts } = transportUnderTest({ maxConcurrentCalls: 1 });
    const controller = new AbortController();

    const first = update(transport, 'A');
    await api.until(1);
    const queued = update(transport, 'B', controller.signal);
    controller.abort();
    const error = await rejectionOf(queued);
    api.open('A');
    await first;

    expect(error).toMatchObject({ code: 'CANCELLED', requestId: 'B' });
    expect(api.started).toEqual(['A']);
    expect(attempts.map((attempt) => attempt.requestId)).toEqual(['A']);
  });

  it('lets other calls use the slot while a call waits to retry', async () => {
    const order: string[] = [];
    let failedOnce = false;
    server.use(
      http.get(ME, () => {
        order.push('GET');
        if (failedOnce) return HttpResponse.json(buildUser());
        failedOnce = true;
        return HttpResponse.json({ code: 'SERVER', message: 'busy' }, { status: 503 });
      }),
      http.patch(ME, () => {
        order.push('PATCH');
        return HttpResponse.json(buildUser());
      }),
    );
    let fire: (() => void) | undefined;
    const { transport } = transportUnderTest({
      maxConcurrentCalls: 1,
      clock: {
        setTimeout: (run) => {
          fire = run;
          return 0;
        },
        clearTimeout: () => undefined,
      },
    });

    const read = transport.send(userRoutes.loadUser, {}, { requestId: 'read' });
    // The read has failed once and waits for its backoff timer, which only the test fires.
    while (fire === undefined) await new Promise((resolve) => setTimeout(resolve, 1));
    await update(transport, 'W');
    fire();
    await read;

    expect(order).toEqual(['GET', 'PATCH', 'GET']);
  });
});

describe('identical reads in flight', () => {
  /** GET /users/me answers when the test opens the gate; records each HTTP call and its abort. */
  function gatedReads(answer: () => Response = () => HttpResponse.json(buildUser())) {
    const calls: string[] = [];
    const { opened, open } = gate();
    server.use(
      http.get(ME, async ({ request }) => {
        calls.push('started');
        let answered = false;
        void whenAborted(request).then(() => answered || calls.push('aborted'));
        await opened;
        answered = true;
        return answer();
      }),
    );
    const until = async (count: number) => {
      while (calls.length < count) await new Promise((resolve) => setTimeout(resolve, 1));
    };
    return { calls, open, until };
  }

  it('share one HTTP call, reported once with the first requestId; each caller gets the result', async () => {
    const api = gatedReads();
    const { transport, attempts } = transportUnderTest();

    const first = transport.send(userRoutes.loadUser, {}, { requestId: 'r1' });
    const second = transport.send(userRoutes.loadUser, {}, { requestId: 'r2' });
    await api.until(1);
    api.open();
    const [a, b] = await Promise.all([first, second]);

    expect(a).toMatchObject({ id: 'usr-1' });
    expect(b).toBe(a);
    expect(api.calls).toEqual(['started']);
    expect(attempts.map(({ requestId, attempt }) => [requestId, attempt])).toEqual([['r1', 1]]);
  });

  it('are not joined by a fresh read (one that must see a write that ended since), which makes its own call', async () => {
    const api = gatedReads();
    const { transport } = transportUnderTest();

    const before = transport.send(userRoutes.loadUser, {}, { requestId: 'r1' });
    await api.until(1);
    const fresh = transport.send(userRoutes.loadUser, {}, { requestId: 'r2', fresh: true });
    const later = transport.send(userRoutes.loadUser, {}, { requestId: 'r3' });
    await api.until(2);
    api.open();
    await Promise.all([before, fresh, later]);

    // The fresh read made the second call; the later one joined a call in flight instead of making a third.
    expect(api.calls).toEqual(['started', 'started']);
  });

  it('give each caller its own copy of the error, with its own requestId', async () => {
    const api = gatedReads(() => HttpResponse.json({ code: 'NOT_FOUND', message: 'gone' }, { status: 404 }));
    const { transport } = transportUnderTest();

    const first = rejectionOf(transport.send(userRoutes.loadUser, {}, { requestId: 'r1' }));
    const second = rejectionOf(transport.send(userRoutes.loadUser, {}, { requestId: 'r2' }));
    await api.until(1);
    api.open();
    const errors = (await Promise.all([first, second])) as BackendError[];

    expect(errors.map((error) => [error.code, error.requestId])).toEqual([
      ['NOT_FOUND', 'r1'],
      ['NOT_FOUND', 'r2'],
    ]);
  });

  it('cancel only the caller that aborts; the shared call goes on for the others', async () => {
    const api = gatedReads();
    const { transport } = transportUnderTest();
    const controller = new AbortController();

    const first = transport.send(userRoutes.loadUser, {}, { requestId: 'r1', signal: controller.signal });
    const second = transport.send(userRoutes.loadUser, {}, { requestId: 'r2' });
    await api.until(1);
    controller.abort();
    const cancelled = await rejectionOf(first);
    api.open();

    expect(cancelled).toMatchObject({ code: 'CANCELLED', requestId: 'r1' });
    await expect(second).resolves.toMatchObject({ id: 'usr-1' });
    expect(api.calls).toEqual(['started']);
  });

  it('abort the shared call when every caller has left', async () => {
    const api = gatedReads();
    const { transport } = transportUnderTest();
    const controllers = [new AbortController(), new AbortController()];

    const calls = controllers.map((controller, index) =>
      rejectionOf(transport.send(userRoutes.loadUser, {}, { requestId: `r${index}`, signal: controller.signal })),
    );
    await api.until(1);
    for (const controller of controllers) controller.abort();
    const errors = (await Promise.all(calls)) as BackendError[];
    await api.until(2);

    expect(errors.map((error) => error.code)).toEqual(['CANCELLED', 'CANCELLED']);
    expect(api.calls).toEqual(['started', 'aborted']);
  });

  it('are not shared once the first has ended, nor across different tokens', async () => {
    const tokens: Array<string | null> = [];
    server.use(
      http.get(ME, ({ request }) => {
        tokens.push(request.headers.get('Authorization'));
        return HttpResponse.json(buildUser());
      }),
    );
    let token = 'token-one-11111';
    const { transport } = transportUnderTest({ session: { getAccessToken: () => token } });

    await transport.send(userRoutes.loadUser, {}, { requestId: 'r1' });
    await transport.send(userRoutes.loadUser, {}, { requestId: 'r2' });
    const overlapping = transport.send(userRoutes.loadUser, {}, { requestId: 'r3' });
    token = 'token-two-22222';
    await Promise.all([overlapping, transport.send(userRoutes.loadUser, {}, { requestId: 'r4' })]);

    expect(tokens).toEqual([
      'Bearer token-one-11111',
      'Bearer token-one-11111',
      'Bearer token-one-11111',
      'Bearer token-two-22222',
    ]);
  });
});
