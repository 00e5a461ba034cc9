/**
 * One client reducing pushed events into a 10,000-service tree, through the handler's live path
 * (handler/live-updates.ts: reduce the batch, commit it once with `commitState`, emit `state:changed` and one
 * `stream:event` per event on a bridge with listeners): p99 lag per batch at 10,000 events/s, and heap
 * growth over 1,000,000 events. Runs in a child process started with `--expose-gc`, so that the heap it
 * measures is its own and can be collected before each reading.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LiveEvent } from '../api/contract/live-events';
import type { LiveSource, LiveSourceListener } from '../api/stream/live-source';
import { resolveEnvironment } from '../environment';
import { createWUIBridge } from '../event-helper';
import { createLiveUpdates } from '../handler/live-updates';
import type { User } from '../interfaces/user-interface';
import { createLogger } from '../log/logger';
import { commitState } from '../state/commit-state';
import type { UserState } from '../state/user-state';
import {
  buildAccount,
  buildEnvironment,
  buildInstance,
  buildRole,
  buildService,
  buildTenant,
  buildUsage,
  buildUser,
} from '../testing/factories';

const SERVICES = 10_000;
const ENVIRONMENTS = 10;
const EVENTS_PER_SECOND = 10_000;
/** Events that arrive together: one network read every 10 ms at 10,000 events/s. */
const BATCH = 100;
const BATCH_INTERVAL_MS = (BATCH / EVENTS_PER_SECOND) * 1000;
const LAG_SECONDS = 5;
const MEMORY_EVENTS = 1_000_000;
const WARM_UP_EVENTS = 50_000;

const SELF = fileURLToPath(import.meta.url);
const BASE = Date.UTC(2026, 0, 1);
const stamp = (ms: number) => new Date(BASE + ms).toISOString();

function bigUser(): User {
  const services = Array.from({ length: SERVICES }, (_, index) =>
    buildService({
      id: `svc-${index}`,
      name: `service-${index}`,
      environment: `env-${index % ENVIRONMENTS}`,
      account: 'acc-1',
      links: [],
      roles: [buildRole({ instances: [buildInstance({ id: `inst-${index}`, updatedAt: stamp(0) })] })],
      createdAt: stamp(0),
      updatedAt: stamp(0),
    }),
  );
  const environments = Array.from({ length: ENVIRONMENTS }, (_, index) =>
    buildEnvironment({
      id: `env-${index}`,
      services: services.filter((service) => service.environment === `env-${index}`).map((service) => service.id),
    }),
  );
  const tenant = buildTenant({
    id: 'ten-1',
    services,
    environments,
    accounts: [buildAccount({ services: services.map((service) => service.id), environments: [] })],
    createdAt: stamp(0),
    updatedAt: stamp(0),
  });
  return buildUser({ tenants: [tenant], createdAt: stamp(0), updatedAt: stamp(0) });
}

/** A deterministic stream of the event mix: 40% service.updated, 30% instance.updated, 30% usage.sampled. */
function eventSource() {
  let seed = 42;
  let id = 0;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
    return seed / 0x80000000;
  };
  const statuses = ['running', 'degraded', 'running', 'deploying'] as const;
  return function next(): LiveEvent {
    id += 1;
    const index = Math.floor(random() * SERVICES);
    const at = stamp(id);
    const kind = random();
    if (kind < 0.4) {
      const data = buildService({
        id: `svc-${index}`,
        name: `service-${index}`,
        environment: `env-${index % ENVIRONMENTS}`,
        account: 'acc-1',
        links: [],
        status: statuses[id % statuses.length] ?? 'running',
        roles: [buildRole({ instances: [buildInstance({ id: `inst-${index}`, updatedAt: stamp(0) })] })],
        createdAt: stamp(0),
        updatedAt: at,
      });
      return { id: String(id), type: 'service.updated', data };
    }
    if (kind < 0.7) {
      const instance = buildInstance({
        id: `inst-${index}`,
        status: id % 2 === 0 ? 'running' : 'failed',
        updatedAt: at,
      });
      return {
        id: String(id),
        type: 'instance.updated',
        data: { tenant: 'ten-1', service: `svc-${index}`, role: 'frontend', instance },
      };
    }
    const usage = buildUsage({ cost: id % 1000 });
    return {
      id: String(id),
      type: 'usage.sampled',
      data: { target: { type: 'service', id: `svc-${index}`, tenant: 'ten-1' }, usage, sampledAt: at },
    };
  };
}

/** The handler's live path on a bridge with a UI-like listener, fed by `deliver(batch)`. */
function client() {
  const bridge = createWUIBridge();
  let state: UserState = commitState(null, bigUser());
  let rendered: UserState = null;
  let seen = 0;
  bridge.on('state:changed', (next) => {
    rendered = next;
  });
  bridge.on('stream:event', () => {
    seen += 1;
  });
  const claim = bridge.claim([], () => undefined);
  let listener: LiveSourceListener | undefined;
  const source: LiveSource = {
    open: () => undefined,
    close: () => undefined,
    status: { state: 'open', role: 'own', attempt: 0 },
    subscribe(given) {
      listener = given;
      return () => undefined;
    },
  };
  const logger = createLogger('silent');
  const live = createLiveUpdates({
    options: { source: () => source },
    context: {
      environment: resolveEnvironment({ logLevel: 'silent' }),
      session: { getAccessToken: () => undefined, refresh: () => Promise.resolve(false) },
      logger,
      onHttpCall: undefined,
    },
    commit: (change, meta) => {
      const next = commitState(state, change(state));
      if (next === state) return;
      state = next;
      claim.notify('state:changed', state, meta);
    },
    notify: (event, ...args) => claim.notify(event, ...args),
    loadUser: () => Promise.reject(new Error('not in this bench')),
    follower: { pause: () => undefined, resume: () => undefined, push: () => undefined, pollOnce: () => undefined },
    expire: () => undefined,
    logger,
  });
  live.sync(state);
  return {
    deliver: (batch: readonly LiveEvent[]) => listener?.events(batch),
    seen: () => seen,
    rendered: () => rendered,
  };
}

function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * share) - 1)] ?? 0;
}

/**
 * Lag per batch at 10,000 events/s: batches arrive every 10 ms of a virtual clock; each is processed as soon as
 * the previous one is done (measured), so the lag of a batch is its wait behind earlier ones plus its own time.
 */
function measureLag(): { p50: number; p99: number; max: number; busyShare: number } {
  const { deliver } = client();
  const next = eventSource();
  // Steady state: the code is optimized and the tree's entries have been touched once.
  for (let sent = 0; sent < WARM_UP_EVENTS; sent += BATCH) deliver(Array.from({ length: BATCH }, next));
  const batches = (LAG_SECONDS * EVENTS_PER_SECOND) / BATCH;
  const lags: number[] = [];
  let doneAt = 0;
  let busy = 0;
  for (let index = 0; index < batches; index++) {
    const batch = Array.from({ length: BATCH }, next);
    const arrival = index * BATCH_INTERVAL_MS;
    const start = performance.now();
    deliver(batch);
    const took = performance.now() - start;
    busy += took;
    doneAt = Math.max(arrival, doneAt) + took;
    lags.push(doneAt - arrival);
  }
  return {
    p50: percentile(lags, 0.5),
    p99: percentile(lags, 0.99),
    max: Math.max(...lags),
    busyShare: busy / (LAG_SECONDS * 1000),
  };
}

function measureHeap(gc: () => void): { growthMb: number; events: number; seconds: number } {
  const { deliver, seen, rendered } = client();
  const next = eventSource();
  for (let sent = 0; sent < WARM_UP_EVENTS; sent += BATCH) deliver(Array.from({ length: BATCH }, next));
  gc();
  const before = process.memoryUsage().heapUsed;
  const start = performance.now();
  for (let sent = 0; sent < MEMORY_EVENTS; sent += BATCH) deliver(Array.from({ length: BATCH }, next));
  const seconds = (performance.now() - start) / 1000;
  gc();
  const after = process.memoryUsage().heapUsed;
  if (rendered() === null) throw new Error('no state was rendered');
  return { growthMb: (after - before) / 1024 / 1024, events: seen() - WARM_UP_EVENTS, seconds };
}

/** What the child prints: one JSON line. */
interface Figures {
  lag: ReturnType<typeof measureLag>;
  heap: ReturnType<typeof measureHeap>;
}

/** Runs the bench in a child process with `--expose-gc` and prints its figures against the targets. */
export async function runLiveReduceBench(): Promise<void> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', SELF, '--child'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the live reduce bench exited with code ${String(code)}`);
  const { lag, heap } = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as Figures;
  const verdict = (ok: boolean) => (ok ? 'meets' : 'MISSES');
  console.log(
    `live stream: p99 lag per batch, ${EVENTS_PER_SECOND} events/s in batches of ${BATCH} into a ${SERVICES}-service tree\n` +
      `  ${lag.p99.toFixed(2)} ms (p50 ${lag.p50.toFixed(2)} ms, max ${lag.max.toFixed(2)} ms, busy ${(lag.busyShare * 100).toFixed(0)}% of the time; target p99 < 16 ms: ${verdict(lag.p99 < 16)})`,
  );
  console.log(
    `live stream: heap growth after ${heap.events.toLocaleString('en')} events through one client (after a ${WARM_UP_EVENTS.toLocaleString('en')}-event warm-up)\n` +
      `  ${heap.growthMb.toFixed(2)} MB in ${heap.seconds.toFixed(1)} s (target < 5 MB: ${verdict(heap.growthMb < 5)})`,
  );
}

if (process.argv[1] === SELF && process.argv.includes('--child')) {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with --expose-gc');
  const figures: Figures = { lag: measureLag(), heap: measureHeap(gc) };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
