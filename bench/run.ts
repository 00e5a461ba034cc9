/**
 * `npm run bench`: speed and memory of the hot paths, each reported as a ratio against a baseline measured in
 * the same process (so the figures do not depend on the machine). Targets are printed next to each result.
 */
import { EventEmitter } from 'eventemitter3';
import { createWUIBridge } from '../event-helper';
import { UserSchema, type User } from '../interfaces/user-interface';
import { requests } from '../requests';
import { commitState } from '../state/commit-state';
import { replaceEqualDeep } from '../state/structural-sharing';
import type { UserState } from '../state/user-state';
import { createReferenceApi } from '../testing/reference-api/create-reference-api';
import { buildService, buildTenant, buildUser } from '../testing/factories';
import { runBindingsSelectBench } from './bindings-select';
import { runLiveReduceBench } from './live-reduce';
import { runRequestPathBench } from './request-path';
import { runStreamServerBench } from './stream-server';
import { runStreamDisconnectsBench } from './stream-disconnects';

interface Result {
  name: string;
  ratio: number;
  target: number;
  unit: string;
}

function timePerOp(run: () => void, iterations: number): number {
  for (let i = 0; i < Math.min(iterations, 1_000); i++) run();
  const start = performance.now();
  for (let i = 0; i < iterations; i++) run();
  return (performance.now() - start) / iterations;
}

async function timePerAsyncOp(run: () => Promise<unknown>, iterations: number): Promise<number> {
  for (let i = 0; i < 500; i++) await run();
  const start = performance.now();
  for (let i = 0; i < iterations; i++) await run();
  return (performance.now() - start) / iterations;
}

/** request() through the bridge, answered by a listener, against the same round trip on bare eventemitter3. */
async function benchRequest(): Promise<Result> {
  const bridge = createWUIBridge();
  const user = buildUser();
  const claim = bridge.claim(['updateUser'], (request) => claim.succeed(request.requestId, user));
  const emitter = new EventEmitter();
  emitter.on('ask', (id: number) => emitter.emit('answer', id));
  const baseline = await timePerAsyncOp(
    () =>
      new Promise<void>((resolve) => {
        const id = Math.random();
        const onAnswer = (answer: number) => {
          if (answer !== id) return;
          emitter.off('answer', onAnswer);
          resolve();
        };
        emitter.on('answer', onAnswer);
        emitter.emit('ask', id);
      }),
    20_000,
  );
  const measured = await timePerAsyncOp(() => bridge.request('updateUser', { name: 'Ada' }), 20_000);
  return {
    name: 'bridge.request() round trip vs bare eventemitter3 round trip',
    ratio: measured / baseline,
    target: 10,
    unit: 'x time',
  };
}

function bigUser(): User {
  const tenants = Array.from({ length: 20 }, (_, t) =>
    buildTenant({
      id: `ten-${t}`,
      services: Array.from({ length: 25 }, (_, s) => buildService({ id: `svc-${t}-${s}`, name: `service-${s}` })),
    }),
  );
  return buildUser({ tenants });
}

/** Applying a one-service change with structural sharing, against deep-cloning the tree (the naive immutable update). */
function benchStateUpdate(): Result[] {
  const previous = bigUser();
  const next = structuredClone(previous);
  const service = next.tenants[7]?.services[3];
  if (service !== undefined) service.status = 'deploying';
  const baseline = timePerOp(() => structuredClone(next), 300);
  const measured = timePerOp(() => replaceEqualDeep(previous, next), 300);

  const shared = replaceEqualDeep(previous, next);
  let reused = 0;
  let total = 0;
  shared.tenants.forEach((tenant, t) =>
    tenant.services.forEach((item, s) => {
      total++;
      if (item === previous.tenants[t]?.services[s]) reused++;
    }),
  );
  return [
    {
      name: 'state update with structural sharing vs structuredClone of the tree',
      ratio: measured / baseline,
      target: 1,
      unit: 'x time',
    },
    {
      name: 'services newly allocated by a one-service update (share of all services)',
      ratio: (total - reused) / total,
      target: 0.01,
      unit: 'of tree',
    },
  ];
}

/** Milliseconds of `run(prepare())`, averaged over `iterations`; `prepare` is not timed. */
function timePrepared<T>(prepare: () => T, run: (value: T) => unknown, iterations: number): number {
  let total = 0;
  for (let i = 0; i < iterations + 2; i++) {
    const value = prepare();
    const start = performance.now();
    run(value);
    if (i >= 2) total += performance.now() - start;
  }
  return total / iterations;
}

/**
 * A full-user response with 10,000 services reduced into the state tree as `loadUser` does (merge that never
 * rolls an entity back, structural sharing, freeze), against zod parsing the same response.
 */
function benchFullUserReduce(): Result[] {
  const stamp = '2026-01-01T10:00:00.000Z';
  const services = Array.from({ length: 10_000 }, (_, s) =>
    buildService({ id: `svc-${s}`, name: `service-${s}`, createdAt: stamp, updatedAt: stamp }),
  );
  const json = JSON.stringify(buildUser({ updatedAt: stamp, tenants: [buildTenant({ id: 'ten-1', services })] }));
  const raw = () => JSON.parse(json) as unknown;
  const parsed = () => UserSchema.parse(raw());
  const reduce = (tree: UserState, user: User) =>
    commitState(tree, requests.loadUser.reduce?.(tree, user, undefined) ?? tree);
  const iterations = 6;
  const zod = timePrepared(raw, (value) => UserSchema.parse(value), iterations);
  const tree = reduce(null, parsed());
  const oneChanged = () => {
    const user = parsed();
    const service = user.tenants[0]?.services[5_000];
    if (service !== undefined) Object.assign(service, { status: 'deploying', updatedAt: '2026-01-01T10:00:01.000Z' });
    return user;
  };
  const cases: Array<[string, () => User, UserState]> = [
    ['into a tree that holds the same user', parsed, tree],
    ['into a tree where 1 service changed', oneChanged, tree],
    ['into an empty tree (first load, with freeze)', parsed, null],
  ];
  return cases.map(([what, prepare, into]) => ({
    name: `full user with 10,000 services reduced ${what} vs UserSchema.parse of it`,
    ratio: timePrepared(prepare, (user) => reduce(into, user), iterations) / zod,
    target: 1,
    unit: 'x time',
  }));
}

/** Reference API: GET /users/me through app.fetch, against a bare Response of the same JSON (routing, auth, views). */
async function benchReferenceApi(): Promise<Result> {
  const api = createReferenceApi({ baseUrl: 'http://bench.test/api' });
  const login = await api.app.fetch(
    new Request('http://bench.test/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'demo@aurora.dev', password: 'aurora-demo-2026' }),
    }),
  );
  const { session } = (await login.json()) as { session: { accessToken: string } };
  const headers = { authorization: `Bearer ${session.accessToken}` };
  const body = await (await api.app.fetch(new Request('http://bench.test/api/users/me', { headers }))).text();
  const baseline = await timePerAsyncOp(() => new Response(body).json(), 2_000);
  const measured = await timePerAsyncOp(
    async () => (await api.app.fetch(new Request('http://bench.test/api/users/me', { headers }))).json(),
    2_000,
  );
  return {
    name: 'reference API GET /users/me vs parsing the same body',
    ratio: measured / baseline,
    target: 5,
    unit: 'x time',
  };
}

const results = [await benchRequest(), ...benchStateUpdate(), ...benchFullUserReduce(), await benchReferenceApi()];
for (const result of results) {
  const verdict = result.ratio <= result.target ? 'meets' : 'MISSES';
  console.log(`${result.name}\n  ${result.ratio.toFixed(3)} ${result.unit} (target <= ${result.target}: ${verdict})`);
}
await runRequestPathBench();
await runStreamServerBench();
await runLiveReduceBench();
await runStreamDisconnectsBench();
runBindingsSelectBench();
