import { http, HttpResponse } from 'msw';
import { isBackendError } from '../errors/backend-error';
import { createWriteOrder, resourceKey } from '../handler/write-order';
import { routes } from '../api/contract';
import { buildUser } from '../testing/factories';
import { gate, whenAborted } from './support/http-abort';
import { API, server, setup, useMockApi } from './support/setup';

useMockApi();

describe('writes to one resource', () => {
  it('reach the server in submission order, so the server and the tree both end with the last one', async () => {
    const arrived: string[] = [];
    const firstHeld = gate();
    let held = true;
    server.use(
      http.patch(`${API}/users/me`, async ({ request }) => {
        const { name } = (await request.json()) as { name: string };
        arrived.push(name);
        // The first answer is the slow one: without ordering, the second would overtake it.
        if (held) {
          held = false;
          await firstHeld.opened;
        }
        return HttpResponse.json(buildUser({ name }));
      }),
    );
    const { bridge, handler, log } = setup();

    const first = bridge.request('updateUser', { name: 'Ada' });
    const second = bridge.request('updateUser', { name: 'Grace' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(arrived).toEqual(['Ada']);
    firstHeld.open();
    await Promise.all([first, second]);

    expect(arrived).toEqual(['Ada', 'Grace']);
    expect(handler.getState()?.name).toBe('Grace');
    expect(log.names()).toEqual([
      'updateUser',
      'updateUser',
      'state:changed',
      'updateUser:success',
      'state:changed',
      'updateUser:success',
    ]);
  });

  it('still run after an earlier write to the same resource failed', async () => {
    let calls = 0;
    server.use(
      http.patch(`${API}/users/me`, async ({ request }) => {
        calls++;
        const { name } = (await request.json()) as { name: string };
        if (calls === 1) return HttpResponse.json({ code: 'CONFLICT', message: 'busy' }, { status: 409 });
        return HttpResponse.json(buildUser({ name }));
      }),
    );
    const { bridge, handler } = setup();

    const results = await Promise.allSettled([
      bridge.request('updateUser', { name: 'Ada' }),
      bridge.request('updateUser', { name: 'Grace' }),
    ]);

    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled']);
    expect(handler.getState()?.name).toBe('Grace');
  });

  it('are keyed by the resource their route addresses, not by the action', () => {
    const scale = resourceKey(routes.scaleService, { tenantId: 't1', serviceId: 's1', minReplicas: 1 });
    const update = resourceKey(routes.updateService, { tenantId: 't1', serviceId: 's1', spec: {} });
    const other = resourceKey(routes.scaleService, { tenantId: 't1', serviceId: 's2', minReplicas: 1 });

    expect(scale).toBe(update);
    expect(other).not.toBe(scale);
    expect(resourceKey(routes.changePassword, {})).toBe(resourceKey(routes.updateUser, { name: 'Ada' }));
    expect(resourceKey(routes.logout, undefined)).toBe(resourceKey(routes.login, { email: 'a@b.c', password: 'x' }));
  });

  it('key an unchecked input without walking it, however deep it nests', () => {
    let deep: unknown = 'leaf';
    for (let level = 0; level < 100_000; level++) deep = { tenantId: deep };

    expect(resourceKey(routes.updateTenant, { tenantId: deep })).toBe('/tenants/{?}');
  });

  it('leave no queue behind once they ended', async () => {
    const order = createWriteOrder();
    const done: number[] = [];

    await Promise.allSettled([
      order.run('a', () => Promise.resolve(done.push(1))),
      order.run('a', () => Promise.reject(new Error('boom'))),
      order.run('a', () => Promise.resolve(done.push(3))),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect(done).toEqual([1, 3]);
    expect(order.size).toBe(0);
  });
});

describe('latest wins', () => {
  it('ends an older read of the same key CANCELLED (superseded) and aborts its call', async () => {
    const aborted: string[] = [];
    server.use(
      http.get(`${API}/tenants/ten-1/services`, async ({ request }) => {
        const offset = new URL(request.url).searchParams.get('offset') ?? '';
        if (offset === '10') {
          await whenAborted(request);
          aborted.push(offset);
          return HttpResponse.error();
        }
        return HttpResponse.json({ items: [], totalCount: 0 });
      }),
    );
    const { bridge } = setup();

    const older = bridge
      .request('listServices', { tenantId: 'ten-1', query: { offset: 10 } }, { latestWins: 'search' })
      .catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const newer = await bridge.request(
      'listServices',
      { tenantId: 'ten-1', query: { offset: 20 } },
      { latestWins: 'search' },
    );
    const error = await older;

    expect(newer.items).toEqual([]);
    expect(isBackendError(error) && { code: error.code, reason: error.reason }).toEqual({
      code: 'CANCELLED',
      reason: 'superseded',
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(aborted).toEqual(['10']);
  });

  it('leaves requests of other keys alone', async () => {
    server.use(http.get(`${API}/tenants/:tenantId/services`, () => HttpResponse.json({ items: [], totalCount: 0 })));
    const { bridge } = setup();

    const results = await Promise.allSettled([
      bridge.request('listServices', { tenantId: 'ten-1' }, { latestWins: 'left' }),
      bridge.request('listServices', { tenantId: 'ten-1' }, { latestWins: 'right' }),
      bridge.request('listServices', { tenantId: 'ten-1' }),
    ]);

    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
  });

  it('is refused for writes, which must never be dropped', async () => {
    const { bridge } = setup();

    const error = await bridge.request('updateUser', { name: 'Ada' }, { latestWins: true }).catch((e: unknown) => e);

    expect(isBackendError(error) && error.code).toBe('VALIDATION');
    expect((error as Error).message).toContain('latestWins is for reads');
  });

  it('refuses a malformed latestWins or retry option before anything is sent', async () => {
    const { bridge } = setup();

    const bad = await bridge.request('loadUser', undefined, { latestWins: '', retry: -1 }).catch((e: unknown) => e);

    expect(isBackendError(bad) && bad.details.map((detail) => detail.path)).toEqual([
      'options.retry',
      'options.latestWins',
    ]);
  });
});
