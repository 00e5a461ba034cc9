import { LIVE_EVENT_TYPES, LiveEventSchema, type LiveEvent, type LiveEventType } from '../api/contract/live-events';
import type { User } from '../interfaces';
import {
  createReferenceApi,
  demoCredentials,
  labsOwnerCredentials,
  viewerCredentials,
  type Credentials,
  type ReferenceApi,
} from '../testing';
import { referenceHandlers } from '../testing/msw';
import { rawClient } from '../testing/reference-api/raw-client';
import { setupServer } from 'msw/node';
import { CASES } from './support/openapi-cases';
import { BASE_URL, json, send } from './support/openapi-document';
import { SEED, blogSpec } from './support/reference-seed';
import { describeMessage, liveEventOf, openStream, type SseStream } from './support/sse-client';

// The live stream read in process (`app.fetch`) and through msw: every route of the contract exercised with
// streams open, every pushed event checked against the contract.

const streams: SseStream[] = [];
afterEach(() => {
  for (const stream of streams.splice(0)) stream.close();
});

async function signedIn(api: ReferenceApi, credentials: Credentials) {
  const answer = await send(api, 'login', { body: { email: credentials.email, password: credentials.password } });
  return (json(answer).session as { accessToken: string }).accessToken;
}

async function inProcessStream(api: ReferenceApi, token: string) {
  const stream = await openStream(api.baseUrl, token, { fetcher: (request) => api.app.fetch(request) });
  streams.push(stream);
  return stream;
}

// Routes that end the session or the user, or are the stream itself: the sweep keeps its streams open.
const LEFT_OUT = new Set(['login', 'refreshSession', 'logout', 'deleteUser', 'changePassword', 'streamEvents']);
// Pushed by the notification routes and by a stream that cannot resume: not changes of the data the feed watches.
const NOT_FROM_THE_FEED = new Set<LiveEventType>(['notification.created', 'notification.updated', 'stream.reset']);

describe('the live stream over every route of the contract', () => {
  it('pushes every kind of change, each event valid against LiveEventSchema and seen only by members', async () => {
    const api = createReferenceApi({ baseUrl: BASE_URL, operationDurationMs: 0 });
    const token = await signedIn(api, demoCredentials);
    const demo = await inProcessStream(api, token);
    const viewer = await inProcessStream(api, await signedIn(api, viewerCredentials));
    const sam = await inProcessStream(api, await signedIn(api, labsOwnerCredentials));
    const context = {
      api,
      token,
      send: async (id: string, call: object) => {
        const answer = await send(api, id, { ...call, token });
        return answer.text === '' || answer.status >= 300 ? {} : json(answer);
      },
    };

    for (const [id, testCase] of Object.entries(CASES)) {
      if (LEFT_OUT.has(id) || testCase.as !== undefined) continue;
      await send(api, id, { ...(await testCase.call(context)), token });
    }
    // The cases end on the freemium plan, which leaves no room for a deploy.
    await send(api, 'changePlan', { token, body: { plan: 'premium' } });
    await send(api, 'deployService', {
      token,
      params: { tenantId: SEED.tenants.prod },
      body: blogSpec({ name: 'sweep-blog' }),
    });
    // No route changes a token: one changed on the store directly, as a test may do.
    const apiToken = api.store.tokens.values().next().value;
    if (apiToken === undefined) throw new Error('the cases leave a token');
    apiToken.description = 'changed directly';
    apiToken.updatedAt = api.store.timestamp();
    // An instance crashes: the passing of time, not a request.
    const shop = api.store.services.get(SEED.services.shop);
    const crashed = shop?.instances[0];
    if (shop === undefined || crashed === undefined) throw new Error('the seed runs shop');
    crashed.status = 'failed';
    shop.updatedAt = api.store.timestamp();
    api.flushChanges();
    await send(api, 'deleteTenant', { token, params: { tenantId: SEED.tenants.labs } });
    const marker = api.publishEvent({ type: 'tenant.deleted', data: { id: 'ten-marker' } });
    const received = await Promise.all(
      [demo, viewer, sam].map((stream) => stream.until((message) => message.id === marker.id)),
    );

    const events = received.flat().map(liveEventOf);
    for (const event of events) expect(LiveEventSchema.safeParse(event).success).toBe(true);
    const types = new Set(events.map((event) => event.type));
    expect(LIVE_EVENT_TYPES.filter((type) => !types.has(type) && !NOT_FROM_THE_FEED.has(type))).toEqual([]);
    const [demoIds, viewerIds] = received.map((messages) => messages.map((message) => Number(message.id)));
    for (const ids of [demoIds ?? [], viewerIds ?? []]) expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const viewerEvents = (received[1] ?? []).map(liveEventOf);
    const viewerTenants = new Set(viewerEvents.filter(isTenantScoped).map((event) => event.data.tenant));
    expect(viewerTenants.size).toBeGreaterThan(0);
    expect(viewerTenants.has(SEED.tenants.fran)).toBe(false);
  });

  it('pushes the user and tenant fields exactly as GET /users/me answers them', async () => {
    const api = createReferenceApi({ baseUrl: BASE_URL, operationDurationMs: 0 });
    const token = await signedIn(api, demoCredentials);
    const stream = await inProcessStream(api, token);
    const { prod } = SEED.tenants;

    await send(api, 'updateUser', { token, body: { name: 'Ada' } });
    await send(api, 'updateTenant', { token, params: { tenantId: prod }, body: { name: 'prod-renamed' } });
    const events = (await stream.until((message) => message.event === 'tenant.updated')).map(liveEventOf);
    const user = json(await send(api, 'loadUser', { token })) as unknown as User;

    const profile = without(user, ['organizations', 'tokens', 'tenants']);
    const tenant = user.tenants.find((item) => item.id === prod);
    if (tenant === undefined) throw new Error('demo is a member of prod');
    const header = without(tenant, ['services', 'accounts', 'environments', 'marketplaceItems', 'resources']);
    expect(events.map((event) => [event.type, event.data])).toEqual([
      ['user.updated', profile],
      ['tenant.updated', header],
    ]);
  });
});

describe('the live stream through msw', () => {
  const api = createReferenceApi({ baseUrl: 'http://aurora.stream.test/api', operationDurationMs: 60_000 });
  const server = setupServer(...referenceHandlers(api));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('streams as the real server does: an operation at once, its end on advanceOperations, a client that leaves', async () => {
    const client = rawClient((request) => fetch(request), api.baseUrl);
    const token = await client.login(demoCredentials);
    const stream = await openStream(api.baseUrl, token);
    streams.push(stream);
    const { prod } = SEED.tenants;

    const accepted = await client.call('restartService', {
      token,
      params: { tenantId: prod, serviceId: SEED.services.payments },
    });
    const operation = (accepted.body as { id: string }).id;
    await stream.until((message) => message.event === 'operation.updated');
    api.advanceOperations(Infinity);
    await stream.until((message) => message.event === 'operation.updated' && /succeeded/.test(message.data));
    stream.close();
    await stream.ended;
    while (api.openStreams > 0) await new Promise((resolve) => setTimeout(resolve, 5));

    expect(stream.messages.filter((item) => item.event !== 'usage.sampled').map(describeMessage)).toEqual([
      `service.updated ${SEED.services.payments} deploying`,
      `operation.updated ${operation} pending`,
      'notification.created',
      `service.updated ${SEED.services.payments} running`,
      `operation.updated ${operation} succeeded`,
    ]);
    expect(api.store.events.listenerCount).toBe(0);
  });
});

function without(value: object, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key)));
}

function isTenantScoped(event: LiveEvent): event is Extract<LiveEvent, { data: { tenant: string } }> {
  return typeof (event.data as { tenant?: unknown }).tenant === 'string';
}
