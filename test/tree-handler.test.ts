import { http, HttpResponse } from 'msw';
import { buildService, buildTenant, buildUser } from '../testing/factories';
import { API, server, setup, useMockApi } from './support/setup';

useMockApi();

const at = (tick: number): string => new Date(Date.UTC(2026, 0, 1) + tick).toISOString();
const ME = `${API}/users/me`;

async function loaded() {
  const user = buildUser({
    updatedAt: at(0),
    tenants: [buildTenant({ id: 'ten-1', services: [buildService({ id: 'svc-1', links: [] })] })],
  });
  server.use(http.get(ME, () => HttpResponse.json(user)));
  const context = setup();
  await context.bridge.request('loadUser');
  context.log.clear();
  return context;
}

describe('the handler keeps a tree that never lies', () => {
  it('removes a service that answers 404, and shows it before the error', async () => {
    const { bridge, handler, log } = await loaded();
    server.use(
      http.post(`${API}/tenants/ten-1/services/svc-1/restart`, () =>
        HttpResponse.json({ code: 'NOT_FOUND', message: 'Service svc-1 not found' }, { status: 404 }),
      ),
    );

    await expect(bridge.request('restartService', { tenantId: 'ten-1', serviceId: 'svc-1' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    expect(handler.getState()?.tenants[0]?.services).toEqual([]);
    expect(log.names()).toEqual(['restartService', 'state:changed', 'restartService:error']);
  });

  it('keeps the newer name when a loadUser read before an updateUser is answered after it', async () => {
    const { bridge, handler } = await loaded();
    let release: () => void = () => undefined;
    const readHeld = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.use(
      // The read is taken before the write (older updatedAt) but its answer arrives last.
      http.get(ME, async () => {
        await readHeld;
        return HttpResponse.json(buildUser({ name: 'Grace', updatedAt: at(1) }));
      }),
      http.patch(ME, async ({ request }) => {
        const { name } = (await request.json()) as { name: string };
        return HttpResponse.json(buildUser({ name, updatedAt: at(2) }));
      }),
    );

    const read = bridge.request('loadUser');
    await bridge.request('updateUser', { name: 'Ada' });
    release();
    await read;

    expect(handler.getState()?.name).toBe('Ada');
  });
});
