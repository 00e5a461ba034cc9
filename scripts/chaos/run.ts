// `npm run chaos [-- --count N --seed S]`: a bounded loopback run of the handler against the reference API
// behind a fault-injecting proxy. It exits non-zero unless every check of the final table passes.
import { parseArgs } from 'node:util';
import { createBackendHandler, type BackendHandler } from '../../backend-handler';
import { createWUIBridge, type WUIBridge } from '../../event-helper';
import type { RequestMeta, RequestName } from '../../event-names';
import type { User } from '../../interfaces/user-interface';
import { demoCredentials } from '../../testing/reference-api/credentials';
import { startReferenceServer } from '../../testing/reference-api/server';
import {
  activeResources,
  duplicateMutations,
  printTable,
  resourceDelta,
  stable,
  treeDifferences,
  type CheckRow,
} from './checks';
import { FAULT_KINDS, startFaultProxy } from './fault-proxy';
import { observe } from './observer';
import { createRandom } from './random';
import { planRequest } from './workload';

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    seed: { type: 'string' },
    concurrency: { type: 'string', default: '16' },
    'fault-rate': { type: 'string', default: '0.2' },
    'timeout-ms': { type: 'string', default: '2000' },
    'max-seconds': { type: 'string', default: '600' },
  },
});
const count = Number(args.count);
const seed = args.seed === undefined ? Date.now() % 2 ** 31 : Number(args.seed);
const concurrency = Number(args.concurrency);
const faultRate = Number(args['fault-rate']);
const timeoutMs = Number(args['timeout-ms']);
const maxSeconds = Number(args['max-seconds']);
// Operations take this long on the server; the follower polls quickly so that the run stays short.
const OPERATION_MS = 50;
const SETTLE_MS = 30_000;
// How long a worker waits for one request's outcome before it moves on (a missing outcome fails a check).
const ANSWER_MS = 30_000;
const PROGRESS_EVERY = 1000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const listenerTotal = (bridge: WUIBridge) =>
  bridge.eventNames().reduce((sum, event) => sum + bridge.listenerCount(event), 0);
const idleTimers = ['Timeout', 'Immediate'] as const;

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!condition() && Date.now() < end) await sleep(20);
  return condition();
}

/** The user as the server holds it now: a fresh sign-in straight to the server, not through the proxy. */
async function serverTree(apiBaseUrl: string): Promise<User> {
  const bridge = createWUIBridge();
  const handler = createBackendHandler({ bridge, environment: { apiBaseUrl, logLevel: 'silent' } });
  handler.start();
  try {
    return await bridge.request('login', demoCredentials);
  } finally {
    handler.stop();
  }
}

async function main(): Promise<boolean> {
  console.log(
    `chaos: ${count} requests, seed ${seed}, ${faultRate * 100}% faults, concurrency ${concurrency}, timeoutMs ${timeoutMs}`,
  );
  const started = Date.now();
  const deadline = started + maxSeconds * 1000;
  // The whole run is bounded: whatever hangs, the process ends.
  const guard = setTimeout(
    () => {
      console.error(`chaos: did not finish within ${maxSeconds + 60} s`);
      process.exit(2);
    },
    (maxSeconds + 60) * 1000,
  );
  guard.unref();
  const handlesBefore = activeResources();
  let unhandled = 0;
  const onUnhandled = () => unhandled++;
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUnhandled);

  const random = createRandom(seed);
  const server = await startReferenceServer({ port: 0, operationDurationMs: OPERATION_MS });
  const proxy = await startFaultProxy({
    upstream: new URL(server.url).origin,
    faultRate,
    random,
    retryAfterSeconds: 1,
  });
  let listenerErrors = 0;
  const bridge = createWUIBridge({ onListenerError: () => listenerErrors++ });
  const handler: BackendHandler = createBackendHandler({
    bridge,
    environment: { apiBaseUrl: `${proxy.origin}/api`, timeoutMs, logLevel: 'silent' },
    polling: { initialMs: 20, factor: 1.5, maxMs: 200 },
  });
  handler.start();
  await bridge.request('login', demoCredentials);
  const observer = observe(bridge);
  await sleep(50);
  const listenersBefore = listenerTotal(bridge);
  const timersBefore = activeResources();

  proxy.armed = true;
  const emit = bridge.emit.bind(bridge) as (name: RequestName, input: unknown, meta: RequestMeta) => string;
  let issued = 0;
  async function worker(): Promise<void> {
    while (issued < count && Date.now() < deadline) {
      const serial = ++issued;
      const state = handler.getState();
      if (state === null) return;
      const planned = planRequest(state, random, serial);
      const requestId = `chaos-${serial}`;
      const answered = observer.expect(requestId, planned.name);
      emit(planned.name, planned.input, { requestId });
      // A request without an outcome must not stall the run: it is counted at the end.
      let watchdog: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([answered, new Promise<void>((resolve) => (watchdog = setTimeout(resolve, ANSWER_MS)))]);
      clearTimeout(watchdog);
      if (serial % PROGRESS_EVERY === 0)
        console.log(`  ${serial} requests emitted (${Math.round((Date.now() - started) / 1000)} s)`);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const traces = [...observer.traces.values()];
  await until(() => traces.every((trace) => trace.outcomes > 0) && observer.openOperations() === 0, SETTLE_MS);
  proxy.armed = false;
  // Let the last state changes land, then look at the tree as it is: no loadUser.
  await sleep(300);
  const tree = stable(handler.getState());
  const truth = stable(await serverTree(server.url));
  const differences = treeDifferences(tree, truth);
  const listenersAfter = listenerTotal(bridge);
  const timersAfter = activeResources();

  const duplicates = duplicateMutations(proxy.records);
  const now = Date.now();
  const completedButFailed = observer.failedOperations.filter(({ operationId }) => {
    const record = server.api.store.operations.get(operationId);
    return record !== undefined && record.failure === undefined && record.startedAt + record.durationMs <= now;
  });
  const codes = new Map<string, number>();
  for (const trace of traces) codes.set(trace.result ?? 'none', (codes.get(trace.result ?? 'none') ?? 0) + 1);
  const faults = FAULT_KINDS.map((kind) => `${kind} ${proxy.records.filter((record) => record.fault === kind).length}`);
  const errored = traces.filter((trace) => trace.result !== 'ok' && trace.result !== undefined).length;
  const appliedIds = new Set(
    proxy.records
      .filter((record) => record.method !== 'GET' && record.upstreamStatus !== undefined && record.upstreamStatus < 300)
      .map((record) => record.requestId),
  );
  const appliedButFailedNames = [...observer.traces]
    .filter(([requestId, trace]) => trace.result !== 'ok' && appliedIds.has(requestId))
    .map(([, trace]) => trace.name);
  const appliedButFailed = appliedButFailedNames.length;
  const byName = new Map<string, number>();
  for (const name of appliedButFailedNames) byName.set(name, (byName.get(name) ?? 0) + 1);

  observer.stop();
  handler.stop();
  await proxy.close();
  await server.close();
  await sleep(200);
  const handlesAfter = activeResources();
  process.off('unhandledRejection', onUnhandled);
  process.off('uncaughtException', onUnhandled);
  clearTimeout(guard);

  console.log(
    `requests: ${traces.length} in ${((Date.now() - started) / 1000).toFixed(1)} s; HTTP calls through the proxy: ${proxy.records.length}`,
  );
  console.log(`outcomes: ${[...codes].map(([code, n]) => `${code} ${n}`).join(', ')}`);
  console.log(`faults played: ${faults.join(', ')}`);
  console.log(
    `applied, answered with an error: ${[...byName].map(([name, n]) => `${name} ${n}`).join(', ') || 'none'}`,
  );
  const unanswered = traces
    .filter((trace) => trace.outcomes !== 1)
    .map((trace) => `${trace.name} had ${trace.outcomes} outcomes`);
  const neverEnded = traces
    .filter((trace) => trace.operationId !== undefined && trace.operationEnd === undefined)
    .map((trace) => `${trace.name}: operation ${trace.operationId ?? ''} never ended`);
  const completedFailures = completedButFailed.map(
    ({ operationId, code }) => `operation ${operationId} completed on the server, reported failed (${code})`,
  );
  for (const line of [
    ...unanswered.slice(0, 3),
    ...duplicates.examples,
    ...completedFailures.slice(0, 3),
    ...neverEnded.slice(0, 3),
    ...differences.slice(0, 10),
  ]) {
    console.log(`  ${line}`);
  }
  const rows: CheckRow[] = [
    { check: 'requests emitted', observed: traces.length, note: `of ${count}` },
    { check: 'requests answered with an error', observed: errored },
    { check: 'mutations applied, answered with an error', observed: appliedButFailed },
    { check: 'unhandled rejections and exceptions', observed: unhandled, max: 0 },
    {
      check: 'requests without exactly 1 outcome',
      observed: traces.filter((trace) => trace.outcomes !== 1).length + observer.strayOutcomes,
      max: 0,
    },
    { check: 'duplicate server-side mutations', observed: duplicates.count, max: 0 },
    {
      check: 'operation:failed the server completed',
      observed: completedButFailed.length,
      max: 0,
      note: `of ${observer.failedOperations.length} operation:failed`,
    },
    { check: 'operations never ended', observed: observer.openOperations(), max: 0 },
    { check: 'tree fields unlike the server', observed: differences.length, max: 0 },
    { check: 'bridge listener delta', observed: listenersAfter - listenersBefore, max: 0 },
    { check: 'listener errors', observed: listenerErrors, max: 0 },
    { check: 'requests still in flight', observed: bridge.inFlight, max: 0 },
    {
      check: 'timer delta (settled, handler running)',
      observed: resourceDelta(timersBefore, timersAfter, idleTimers),
      max: 0,
    },
    { check: 'handle delta (after teardown)', observed: resourceDelta(handlesBefore, handlesAfter), max: 0 },
  ];
  return printTable(rows);
}

main().then(
  (passed) => {
    console.log(passed ? '\nchaos: every check passed' : '\nchaos: FAILED (see the table above)');
    process.exitCode = passed ? 0 : 1;
  },
  (error: unknown) => {
    console.error('chaos: the run itself failed', error);
    process.exitCode = 2;
  },
);
