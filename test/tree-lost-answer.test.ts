import { http, HttpResponse } from 'msw';
import { createTransport, type HttpCallInfo } from '../api/http/transport';
import { resolveEnvironment } from '../environment';
import { BackendError, type ErrorCode } from '../errors/backend-error';
import type { RequestName } from '../event-names';
import { createReconciler, isOutcomeUnknown } from '../handler/reconcile';
import { createServiceReloader } from '../handler/service-reloader';
import type { User } from '../interfaces/user-interface';
import { createLogger } from '../log/logger';
import { requests } from '../requests';
import type { RequestDeclaration } from '../requests/define-request';
import { commitState } from '../state/commit-state';
import { buildService, buildTenant, buildUser } from '../testing/factories';
import { API, server, TEST_TOKEN, useMockApi } from './support/setup';

useMockApi();

const link = { name: 'db', origin: 'svc-1', target: 'svc-2' };
const SERVICES = `${API}/tenants/ten-1/services`;

const loaded = (): User =>
  commitState(
    null,
    buildUser({
      tenants: [
        buildTenant({
          id: 'ten-1',
          name: 'acme',
          services: [
            buildService({ id: 'svc-1', links: [link], maxReplicas: 3 }),
            buildService({ id: 'svc-2', links: [link], maxReplicas: 1 }),
          ],
        }),
      ],
    }),
  ) as User;

function reconcilerWithCalls() {
  const calls: string[] = [];
  const logger = createLogger('silent');
  const transport = createTransport({
    environment: resolveEnvironment({ apiBaseUrl: API, logLevel: 'silent', timeoutMs: 5_000 }),
    session: { getAccessToken: () => TEST_TOKEN },
    logger,
    onCall: (call: HttpCallInfo) => calls.push(`${call.method} ${call.path} ${String(call.status)}`),
  });
  const reconciler = createReconciler(transport, createServiceReloader(transport, logger), logger);
  return { calls, reconciler };
}

const failure = (code: ErrorCode, status?: number) => new BackendError({ code, message: `${code} failure`, status });

async function settle(name: RequestName, input: unknown, error: BackendError, state: User = loaded()) {
  const { calls, reconciler } = reconcilerWithCalls();
  const declaration = requests[name] as RequestDeclaration;
  const patch = await reconciler.afterFailure(declaration, input, error, state, 'req-1');
  return { calls, state: commitState(state, patch(state)) as User, before: state };
}

describe('a mutation whose answer was lost', () => {
  it('re-reads the service it changed, and the tree shows what the server holds', async () => {
    server.use(
      http.get(`${SERVICES}/svc-1`, () =>
        HttpResponse.json(buildService({ id: 'svc-1', links: [link], maxReplicas: 5 })),
      ),
    );

    const { calls, state, before } = await settle(
      'scaleService',
      { tenantId: 'ten-1', serviceId: 'svc-1', minReplicas: 1, maxReplicas: 5 },
      failure('TIMEOUT'),
    );

    expect(calls).toEqual(['GET /tenants/ten-1/services/svc-1 200']);
    expect(state.tenants[0]?.services.map((service) => service.maxReplicas)).toEqual([5, 1]);
    expect(state.tenants[0]?.services[1]).toBe(before.tenants[0]?.services[1]);
  });

  it('re-reads the whole user when the entity it changed has no read of its own', async () => {
    server.use(
      http.get(`${API}/users/me`, () =>
        HttpResponse.json(buildUser({ tenants: [buildTenant({ id: 'ten-1', name: 'renamed' })] })),
      ),
    );

    const { calls, state } = await settle(
      'updateTenant',
      { tenantId: 'ten-1', name: 'renamed' },
      failure('SERVER', 503),
    );

    expect(calls).toEqual(['GET /users/me 200']);
    expect(state.tenants[0]?.name).toBe('renamed');
  });

  it('drops a deleted service whose re-read answers 404 and reloads the services linked to it', async () => {
    server.use(
      http.get(`${SERVICES}/svc-1`, () => HttpResponse.json({ code: 'NOT_FOUND', message: 'gone' }, { status: 404 })),
      http.get(`${SERVICES}/svc-2`, () => HttpResponse.json(buildService({ id: 'svc-2', links: [], maxReplicas: 1 }))),
    );

    const { calls, state } = await settle(
      'deleteService',
      { tenantId: 'ten-1', serviceId: 'svc-1' },
      failure('NETWORK'),
    );

    expect(calls.sort()).toEqual(['GET /tenants/ten-1/services/svc-1 404', 'GET /tenants/ten-1/services/svc-2 200']);
    expect(state.tenants[0]?.services.map((service) => [service.id, service.links])).toEqual([['svc-2', []]]);
  });

  it('re-reads both ends of a link whose answer broke the contract after the server applied it', async () => {
    const linked = buildService({ links: [link, { name: 'cache', origin: 'svc-1', target: 'svc-2' }] });
    server.use(
      http.get(`${SERVICES}/svc-1`, () => HttpResponse.json({ ...linked, id: 'svc-1' })),
      http.get(`${SERVICES}/svc-2`, () => HttpResponse.json({ ...linked, id: 'svc-2' })),
    );
    const input = {
      tenantId: 'ten-1',
      name: 'cache',
      origin: { service: 'svc-1', channel: 'out' },
      target: { service: 'svc-2', channel: 'in' },
    };

    const { calls, state } = await settle('linkServices', input, failure('CONTRACT', 201));

    expect(calls.sort()).toEqual(['GET /tenants/ten-1/services/svc-1 200', 'GET /tenants/ten-1/services/svc-2 200']);
    expect(state.tenants[0]?.services.map((service) => service.links.length)).toEqual([2, 2]);
  });

  it('keeps the tree as it was when the re-read fails too', async () => {
    server.use(
      http.get(`${API}/users/me`, () => HttpResponse.json({ code: 'FORBIDDEN', message: 'no' }, { status: 403 })),
    );

    const { calls, state, before } = await settle('updateTenant', { tenantId: 'ten-1', name: 'x' }, failure('NETWORK'));

    expect(calls).toEqual(['GET /users/me 403']);
    expect(state).toBe(before);
  });

  it.each<[string, RequestName, BackendError]>([
    ['a read', 'listServices', failure('NETWORK')],
    ['a refused mutation', 'updateTenant', failure('VALIDATION', 400)],
    ['a mutation that changes no part of the tree', 'changePassword', failure('NETWORK')],
    ['a session call', 'login', failure('TIMEOUT')],
    ['a contract break that was not a success', 'updateTenant', failure('CONTRACT', 500)],
  ])('re-reads nothing after %s (%s)', async (_what, name, error) => {
    expect(isOutcomeUnknown(requests[name] as RequestDeclaration, error)).toBe(false);
    const { calls, state, before } = await settle(name, { tenantId: 'ten-1' }, error);
    expect(calls).toEqual([]);
    expect(state).toBe(before);
  });
});

describe('a 404 through the reconciler', () => {
  it('drops the service it names without asking for it again, and reloads the services linked to it', async () => {
    server.use(http.get(`${SERVICES}/svc-2`, () => HttpResponse.json(buildService({ id: 'svc-2', links: [] }))));

    const { calls, state } = await settle(
      'restartService',
      { tenantId: 'ten-1', serviceId: 'svc-1' },
      failure('NOT_FOUND', 404),
    );

    expect(calls).toEqual(['GET /tenants/ten-1/services/svc-2 200']);
    expect(state.tenants[0]?.services.map((service) => service.id)).toEqual(['svc-2']);
  });

  it('removes the account it names with no HTTP call', async () => {
    const { calls, state } = await settle(
      'updateAccount',
      { tenantId: 'ten-1', accountId: 'acc-1', name: 'x' },
      failure('NOT_FOUND', 404),
    );

    expect(calls).toEqual([]);
    expect(state.tenants[0]?.accounts).toEqual([]);
  });
});
