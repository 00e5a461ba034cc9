/**
 * The reference API's live stream on loopback: 200 concurrent `GET /events` clients while the server publishes
 * 1,000 events/s in total through its journal for 5 s. Reports the p99 delivery lag (publish to parsed on the
 * client) and the events lost or duplicated. The server runs in a child process (its own event loop, as a real
 * server); both processes read the same wall clock, which stamps each event when it is published.
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createParser } from 'eventsource-parser';
import { demoCredentials } from '../testing/reference-api/credentials';

const CLIENTS = 200;
// The clients parse 200,000 events/s between them: spread over threads, so that the lag measured is the
// server's rather than one client thread's backlog.
const CLIENT_THREADS = Math.max(1, Math.min(4, availableParallelism() - 1));
// Deliveries still on their way when publishing ends get this long to arrive before they count as lost.
const GRACE_MS = 5_000;
const EVENTS_PER_SECOND = 1_000;
const SECONDS = 5;
// Events are published in small batches, as a busy API does: about 10 every 10 ms.
const TICK_MS = 10;
const TARGET_P99_MS = 50;
const SELF = fileURLToPath(import.meta.url);
const now = () => performance.timeOrigin + performance.now();

/** The child: a reference server that publishes on command and reports what it published. */
async function serve(): Promise<void> {
  const { startReferenceServer } = await import('../testing/reference-api/server');
  const server = await startReferenceServer({ port: 0, host: '127.0.0.1', heartbeatMs: 60_000 });
  const { events } = server.api.store;
  const users = [...server.api.store.users.keys()];
  const environment = [...server.api.store.environments.values()][0];
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'streams') process.stdout.write(`${JSON.stringify({ open: server.openStreams })}\n`);
    if (line !== 'go') continue;
    const first = events.lastId + 1;
    const cpu = process.cpuUsage();
    const total = EVENTS_PER_SECOND * SECONDS;
    let sent = 0;
    const start = now();
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        // Late timers (a busy machine) publish what is due, so that the rate holds over the run.
        const due = Math.min(total, Math.ceil(((now() - start) / 1000) * EVENTS_PER_SECOND));
        for (; sent < due; sent++) {
          const usage = { current: { cpu: sent % 4, memory: 512 }, cost: 1 };
          const target = { type: 'environment', id: environment?.id ?? 'env-1', tenant: 'ten-1' };
          // The payload stands for a real sample; its `sampledAt` carries the publish time to the microsecond.
          const data = { target, usage, sampledAt: String(now()) };
          events.publish({ type: 'usage.sampled', data } as never, users);
        }
        if (sent >= total) {
          clearInterval(timer);
          resolve();
        }
      }, TICK_MS);
    });
    // Deliveries still on their way are written within a second: the server's CPU is counted up to then.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    process.stdout.write(`${JSON.stringify({ first, last: events.lastId, cpuMs })}\n`);
  }
  await server.close();
  process.exit(0);
}

interface Client {
  ids: number[];
  lags: number[];
  abort: AbortController;
}

async function connect(url: string, token: string): Promise<Client> {
  const client: Client = { ids: [], lags: [], abort: new AbortController() };
  const response = await fetch(`${url}/events`, {
    headers: { Authorization: `Bearer ${token}` },
    signal: client.abort.signal,
  });
  const parser = createParser({
    onEvent: (event) => {
      // Only the stamp is read (the last field): the lag measured is the server's, not the client's JSON.parse.
      const stamp = event.data.slice(event.data.lastIndexOf(':"') + 2, -2);
      client.lags.push(now() - Number(stamp));
      client.ids.push(Number(event.id));
    },
  });
  void (async () => {
    const reader = response.body?.getReader();
    const decoder = new TextDecoder();
    try {
      for (let chunk = await reader?.read(); chunk !== undefined && !chunk.done; chunk = await reader?.read()) {
        parser.feed(decoder.decode(chunk.value, { stream: true }));
      }
    } catch {
      // Aborted at the end of the bench.
    }
  })();
  return client;
}

/**
 * What the change feed costs a write when the store holds 10,000 more services: a `PATCH` of a resource through
 * `app.fetch` with the feed, against the same request with the feed's after-request pass left out.
 */
async function benchChangeFeed(): Promise<void> {
  const { createReferenceApi } = await import('../testing/reference-api/create-reference-api');
  const api = createReferenceApi({ baseUrl: 'http://bench.test/api' });
  const [model] = api.store.services.values();
  if (model === undefined) throw new Error('the demo seed has services');
  for (let index = 0; index < 10_000; index++) {
    const id = `svc-bench-${index}`;
    api.store.services.set(id, { ...model, id, instances: [...model.instances], spec: { ...model.spec, name: id } });
  }
  api.live.reset();
  const login = await api.app.fetch(
    new Request(`${api.baseUrl}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(demoCredentials),
    }),
  );
  const token = ((await login.json()) as { session: { accessToken: string } }).session.accessToken;
  const used = new Set([...api.store.services.values()].flatMap((service) => service.spec.resources));
  const resource = [...api.store.resources.values()].find((item) => item.type === 'string' && !used.has(item.id));
  if (resource === undefined) throw new Error('the demo seed has a string resource no service uses');
  const patch = async () => {
    const url = `${api.baseUrl}/tenants/${resource.tenant}/resources/${resource.id}`;
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    await (await api.app.fetch(new Request(url, { method: 'PATCH', headers, body: '{"value":"x"}' }))).text();
  };
  const timed = async () => {
    for (let index = 0; index < 20; index++) await patch();
    const start = performance.now();
    for (let index = 0; index < 200; index++) await patch();
    return (performance.now() - start) / 200;
  };
  const scan = performance.now();
  for (let index = 0; index < 100; index++) api.live.feed.flush();
  const scanMs = (performance.now() - scan) / 100;
  const withFeed = await timed();
  const afterRequest = api.live.afterRequest.bind(api.live);
  api.live.afterRequest = () => undefined;
  const without = await timed();
  api.live.afterRequest = afterRequest;
  const ratio = withFeed / without;
  console.log(
    `PATCH with the change feed vs without it, 10,000 more services in the store\n` +
      `  ${ratio.toFixed(3)} x time (target <= 2: ${ratio <= 2 ? 'meets' : 'MISSES'}; ` +
      `${withFeed.toFixed(2)} ms vs ${without.toFixed(2)} ms; one scan of the tables ${scanMs.toFixed(2)} ms)`,
  );
}

interface ThreadResult {
  ids: number[][];
  lags: number[];
}

/** A client thread: opens its share of the streams, and on `stop` answers what each received. */
async function clientThread(url: string, token: string, count: number): Promise<void> {
  const clients = await Promise.all(Array.from({ length: count }, () => connect(url, token)));
  parentPort?.postMessage('open');
  parentPort?.once('message', (expected: number) => {
    void (async () => {
      const deadline = now() + GRACE_MS;
      while (now() < deadline && clients.some((client) => client.ids.length < expected)) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      for (const client of clients) client.abort.abort();
      const result: ThreadResult = {
        ids: clients.map((client) => client.ids),
        lags: clients.flatMap((client) => client.lags),
      };
      parentPort?.postMessage(result);
    })();
  });
}

function startThread(url: string, token: string, count: number) {
  // Node 20 cannot start a worker from a .ts file: the worker loads this file through tsx's API.
  const self = JSON.stringify(import.meta.url);
  const code = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${self}, ${self}))`;
  const worker = new Worker(code, { eval: true, workerData: { url, token, count } });
  const opened = new Promise<void>((resolve) => worker.once('message', () => resolve()));
  const stop = async (expected: number): Promise<ThreadResult> => {
    const result = new Promise<ThreadResult>((resolve) => worker.once('message', resolve));
    worker.postMessage(expected);
    const answer = await result;
    await worker.terminate();
    return answer;
  };
  return { opened, stop };
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;

/** Runs the bench and prints its figures. */
export async function runStreamServerBench(): Promise<void> {
  await benchChangeFeed();
  const child = spawn(process.execPath, ['--import', 'tsx', SELF, '--serve'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async <T>(): Promise<T> => JSON.parse(String((await lines.next()).value)) as T;
  const ask = <T>(command: string) => {
    child.stdin.write(`${command}\n`);
    return next<T>();
  };
  try {
    const { url } = await next<{ url: string }>();
    const login = await fetch(`${url}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...demoCredentials, refreshTokenDelivery: 'body' }),
    });
    const token = ((await login.json()) as { session: { accessToken: string } }).session.accessToken;
    const threads = Array.from({ length: CLIENT_THREADS }, () => startThread(url, token, CLIENTS / CLIENT_THREADS));
    await Promise.all(threads.map((thread) => thread.opened));
    while ((await ask<{ open: number }>('streams')).open < CLIENTS) await new Promise((r) => setTimeout(r, 20));
    const started = now();
    const { first, last, cpuMs } = await ask<{ first: number; last: number; cpuMs: number }>('go');
    const publishMs = now() - started - 1_000;
    const expected = last - first + 1;
    const results = await Promise.all(threads.map((thread) => thread.stop(expected)));
    const clients = results.flatMap((result) => result.ids);
    let lost = 0;
    let duplicated = 0;
    for (const ids of clients) {
      const unique = new Set(ids);
      duplicated += ids.length - unique.size;
      for (let id = first; id <= last; id++) if (!unique.has(id)) lost++;
    }
    const lags = results.flatMap((result) => result.lags).sort((a, b) => a - b);
    const p99 = percentile(lags, 99);
    const verdict = p99 < TARGET_P99_MS && lost === 0 && duplicated === 0 ? 'meets' : 'MISSES';
    console.log(
      `reference stream: ${CLIENTS} clients, ${expected} events in ${(publishMs / 1000).toFixed(1)} s ` +
        `(${Math.round((expected / publishMs) * 1000)}/s, ${lags.length} deliveries; CPU ms: server ` +
        `${Math.round(cpuMs)}; ${CLIENT_THREADS} client threads)\n` +
        `  p50 ${percentile(lags, 50).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${(lags.at(-1) ?? 0).toFixed(1)} ms; ` +
        `lost ${lost}, duplicated ${duplicated} (target p99 < ${TARGET_P99_MS} ms, 0 lost, 0 duplicated: ${verdict})`,
    );
  } finally {
    child.stdin.end();
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

if (!isMainThread) {
  const { url, token, count } = workerData as { url: string; token: string; count: number };
  await clientThread(url, token, count);
} else if (process.argv[1] === SELF && process.argv.includes('--serve')) await serve();
else if (process.argv[1] === SELF) await runStreamServerBench();
