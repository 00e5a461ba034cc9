import { http, HttpResponse } from 'msw';
import { buildResource, buildUser } from '../testing/factories';
import { gate } from './support/http-abort';
import { API, server, setup, useMockApi } from './support/setup';

useMockApi();

describe('state under concurrent requests', () => {
  it('keeps the changes of every success when several answers arrive together', async () => {
    const release = gate();
    server.use(
      http.get(`${API}/users/me`, () => HttpResponse.json(buildUser())),
      http.post(`${API}/tenants/ten-1/resources`, async ({ request }) => {
        const { name } = (await request.json()) as { name: string };
        await release.opened;
        return HttpResponse.json(buildResource({ id: `res-${name}`, name, type: 'domain' }), { status: 201 });
      }),
    );
    const { bridge, handler } = setup();
    await bridge.request('loadUser');

    const names = ['alpha', 'beta', 'gamma', 'delta'];
    const created = Promise.all(
      names.map((name) =>
        bridge.request('createResource', { tenantId: 'ten-1', type: 'domain', name, value: `${name}.example.com` }),
      ),
    );
    release.open();
    await created;

    const resources = handler.getState()?.tenants[0]?.resources.map((resource) => resource.id);
    expect(resources).toEqual(['res-1', ...names.map((name) => `res-${name}`)]);
  });
});
