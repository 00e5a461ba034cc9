import { LiveEventSchema } from '../api/contract/live-events';
import { demoCredentials, freemiumCredentials, labsOwnerCredentials } from '../testing';
import { SEED, blogSpec } from './support/reference-seed';
import { describeMessage, streamHarness, liveEventOf, type SseMessage } from './support/sse-client';

// GET /events of the reference API on a real loopback server, read raw (fetch + eventsource-parser).

const { start, dispose } = streamHarness();

afterEach(dispose);

const { prod, labs } = SEED.tenants;
const is = (type: string) => (message: SseMessage) => message.event === type;
const log = (messages: SseMessage[]) => messages.filter((item) => item.event !== 'usage.sampled').map(describeMessage);

describe('the reference API live stream (GET /events)', () => {
  it('answers text/event-stream to a signed-in user, and a JSON 401 ErrorBody without a token', async () => {
    const { server, open, signIn: login } = await start();
    const stream = await open(await login());

    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('Content-Type')).toContain('text/event-stream');
    const refused = await fetch(`${server.url}/events`, { headers: { Authorization: 'Bearer nope' } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('Content-Type')).toContain('application/json');
    expect(await refused.json()).toMatchObject({ code: 'UNAUTHORIZED', reason: 'token_revoked' });
  });

  it('pushes to the first user the change a second user makes to their shared tenant, with no request of its own', async () => {
    const { call, open, signIn: login } = await start();
    const stream = await open(await login(demoCredentials));
    const sam = await login(labsOwnerCredentials);

    await call('updateTenant', { token: sam, params: { tenantId: labs }, body: { name: 'northwind-research' } });

    const [event] = (await stream.until(is('tenant.updated'))).map(liveEventOf);
    expect(event).toMatchObject({ type: 'tenant.updated', data: { id: labs, name: 'northwind-research' } });
    expect(event?.data).not.toHaveProperty('services');
  });

  it("never pushes to a user the changes of another user's tenants", async () => {
    const { call, open, signIn: login } = await start();
    const free = await login(freemiumCredentials);
    const stream = await open(free);
    const demo = await login(demoCredentials);

    await call('updateTenant', { token: demo, params: { tenantId: prod }, body: { name: 'northwind-live' } });
    await call('restartService', { token: demo, params: { tenantId: prod, serviceId: SEED.services.payments } });
    await call('updateUser', { token: free, body: { name: 'Fran' } });

    expect(log(await stream.until(is('user.updated')))).toEqual([`user.updated ${SEED.users.free}`]);
  });

  it('resumes with Last-Event-ID: replays exactly the events missed, then goes on live', async () => {
    const { server, call, open, signIn: login } = await start();
    const token = await login();
    const first = await open(token);
    await call('updateUser', { token, body: { name: 'One' } });
    const [seen] = await first.until(is('user.updated'));
    first.close();
    await first.ended;

    await call('updateUser', { token, body: { name: 'Two' } });
    await call('updateTenant', { token, params: { tenantId: prod }, body: { name: 'prod-two' } });
    const missed = server.api.store.events.since(Number(seen?.id));
    if (!Array.isArray(missed)) throw new Error('the journal lost the events');
    const second = await open(token, seen?.id);
    await call('updateUser', { token, body: { name: 'Three' } });
    const received = await second.until((message) => message.data.includes('"Three"'));

    const mine = missed.filter((entry) => entry.audience.has(SEED.users.demo)).map((entry) => String(entry.id));
    expect(received.map((message) => message.id).slice(0, mine.length)).toEqual(mine);
    expect(log(received)).toEqual([
      `user.updated ${SEED.users.demo}`,
      `tenant.updated ${prod} active`,
      `user.updated ${SEED.users.demo}`,
    ]);
    const ids = received.map((message) => Number(message.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBeGreaterThan(Number(seen?.id));
  });

  it('answers an id that left the replay buffer with one stream.reset (too_old), then goes on live', async () => {
    const { server, call, open, signIn: login } = await start();
    const token = await login();
    const { id: old } = server.publishEvent({ type: 'stream.reset', data: { reason: 'too_old' } }, [SEED.users.demo]);
    for (let index = 0; index <= server.api.store.events.capacity; index++) {
      server.publishEvent({ type: 'tenant.deleted', data: { id: `ten-gone-${index}` } }, [SEED.users.sam]);
    }
    const stream = await open(token, old);
    await call('updateUser', { token, body: { name: 'After' } });

    const received = await stream.until(is('user.updated'));
    expect(log(received)).toEqual(['stream.reset too_old', `user.updated ${SEED.users.demo}`]);
    expect(received[0]?.id).toBe(String(server.api.store.events.lastId - 1));
  });

  it('answers an id it never handed out with stream.reset (unknown_id)', async () => {
    const { server, open, signIn: login } = await start();
    const stream = await open(await login(), '987654321');

    const [reset] = await stream.until(is('stream.reset'));

    expect(liveEventOf(reset as SseMessage)).toEqual({
      id: String(server.api.store.events.lastId),
      type: 'stream.reset',
      data: { reason: 'unknown_id' },
    });
  });

  it('sends a heartbeat comment every heartbeatMs while there is nothing to send', async () => {
    const { open, signIn: login } = await start({ heartbeatMs: 20 });
    const stream = await open(await login());

    await stream.comment(3);

    expect(stream.comments.slice(0, 3)).toEqual(['heartbeat', 'heartbeat', 'heartbeat']);
    expect(stream.messages).toEqual([]);
  });

  it('ends the streams of a session when it signs out, and only those', async () => {
    const { server, call, open, signIn: login } = await start();
    const leaving = await login();
    const staying = await login();
    const ended = await open(leaving);
    const kept = await open(staying);

    await call('logout', { token: leaving });
    await ended.ended;

    expect(server.openStreams).toBe(1);
    await call('updateUser', { token: staying, body: { name: 'Still here' } });
    expect(log(await kept.until(is('user.updated')))).toEqual([`user.updated ${SEED.users.demo}`]);
  });

  it('shows a deploy at once as a deploying service with its operation, and ends it with operation.updated', async () => {
    const { server, call, open, signIn: login } = await start({ operationDurationMs: 60_000 });
    const token = await login();
    const stream = await open(token);

    const accepted = await call('deployService', { token, params: { tenantId: prod }, body: blogSpec() });
    const operation = (accepted.body as { id: string }).id;
    const [created] = (await stream.until(is('service.created'))).map(liveEventOf);
    server.advanceOperations(Infinity);
    const rest = await stream.until(
      (message) => message.event === 'operation.updated' && /succeeded/.test(message.data),
    );

    expect(created).toMatchObject({ type: 'service.created', data: { status: 'deploying', operation } });
    const service = (created?.data as { id: string }).id;
    expect(log(rest)).toEqual([
      `operation.updated ${operation} pending`,
      // The notification is published as the operation ends; the change feed follows in the same task.
      'notification.created',
      `service.updated ${service} running`,
      `operation.updated ${operation} succeeded`,
    ]);
  });

  it('shows a delete as a deleting service, then its deletion, then the end of its operation', async () => {
    const { server, call, open, signIn: login } = await start({ operationDurationMs: 60_000 });
    const token = await login();
    const stream = await open(token);
    const { analytics } = SEED.services;

    const accepted = await call('deleteService', { token, params: { tenantId: prod, serviceId: analytics } });
    const operation = (accepted.body as { id: string }).id;
    await stream.until(is('operation.updated'));
    server.advanceOperations(Infinity);
    await stream.until((message) => message.event === 'operation.updated' && /succeeded/.test(message.data));

    expect(log(stream.messages)).toEqual([
      `service.updated ${analytics} deleting`,
      `operation.updated ${operation} pending`,
      'notification.created',
      `service.deleted ${analytics}`,
      `operation.updated ${operation} succeeded`,
    ]);
  });

  it('pushes the new usage of the environment a deploy runs in', async () => {
    const { call, open, signIn: login } = await start();
    const token = await login();
    const stream = await open(token);
    const { production } = SEED.environments;

    await call('deployService', { token, params: { tenantId: prod }, body: blogSpec() });
    const samples = (await stream.until((message) => is('usage.sampled')(message) && message.data.includes(production)))
      .map(liveEventOf)
      .filter((event) => event.type === 'usage.sampled');

    expect(samples.at(-1)?.data.target).toEqual({ type: 'environment', id: production, tenant: prod });
  });

  it('disconnectStreams ends every open stream, and its clients resume where they were', async () => {
    const { server, call, open, signIn: login } = await start();
    const token = await login();
    const stream = await open(token);
    await call('updateUser', { token, body: { name: 'Before' } });
    const [before] = await stream.until(is('user.updated'));

    expect(server.disconnectStreams()).toBe(1);
    await stream.ended;
    await call('updateUser', { token, body: { name: 'Between' } });
    const resumed = await open(token, before?.id);

    expect(log(await resumed.until(is('user.updated')))).toEqual([`user.updated ${SEED.users.demo}`]);
    expect(resumed.messages[0]?.data).toContain('Between');
  });

  it('publishEvent pushes a valid event to its audience and refuses one that breaks the contract', async () => {
    const { server, open, signIn: login } = await start();
    const stream = await open(await login());

    const published = server.publishEvent({ type: 'tenant.deleted', data: { id: 'ten-9' } });
    const [received] = await stream.until(is('tenant.deleted'));

    expect(liveEventOf(received as SseMessage)).toEqual(published);
    expect(() => server.publishEvent({ type: 'tenant.deleted', data: { id: '' } })).toThrow(/LiveEventSchema/);
  });

  it('leaves no listener, stream or ticker behind once its clients went away', async () => {
    const { server, open, signIn: login } = await start({ heartbeatMs: 10 });
    const token = await login();
    const opened = await Promise.all(Array.from({ length: 20 }, () => open(token)));
    expect(server.api.store.events.listenerCount).toBe(20);
    expect(server.api.live.ticking).toBe(true);

    for (const stream of opened) stream.close();
    await Promise.all(opened.map((stream) => stream.ended));
    while (server.openStreams > 0) await new Promise((resolve) => setTimeout(resolve, 5));

    expect(server.api.store.events.listenerCount).toBe(0);
    expect(server.api.live.ticking).toBe(false);
  });

  it('pushes only events that validate against LiveEventSchema', async () => {
    const { call, open, signIn: login } = await start();
    const token = await login();
    const stream = await open(token);
    await call('scaleService', {
      token,
      params: { tenantId: prod, serviceId: SEED.services.payments },
      body: { minReplicas: 2, maxReplicas: 2 },
    });
    await stream.until((message) => message.event === 'operation.updated' && /succeeded/.test(message.data));

    for (const message of stream.messages) expect(LiveEventSchema.safeParse(liveEventOf(message)).success).toBe(true);
  });
});
