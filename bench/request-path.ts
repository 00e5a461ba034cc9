/**
 * The request path over loopback: `bridge.request('loadUser')` against raw axios with the transport's instance
 * settings, and against a default `axios.get`, in one process, interleaved so that every path meets the same
 * machine state. The reference API runs in a child process, so `process.cpuUsage()` is the client's only.
 */
import axios, { type AxiosInstance } from 'axios';
import { createBackendHandler } from '../backend-handler';
import { createWUIBridge } from '../event-helper';
import { demoCredentials } from '../testing/reference-api/credentials';
import { startLoopbackServer } from './loopback';

/** A bench figure with its target; `atLeast` targets are met from above, the others from below. */
export interface PathResult {
  name: string;
  ratio: number;
  target: number;
  atLeast: boolean;
  unit: string;
  /** The absolute figures behind the ratio, for reading a regression; they depend on the machine. */
  detail: string;
}

type Call = () => Promise<unknown>;

interface Tally {
  requests: number;
  wallMs: number;
  cpuUs: number;
}

const CONCURRENCIES = [1, 16] as const;
const ROUNDS = 4;
const PER_ROUND = 120;
// On a busy machine fewer rounds are run (never fewer than 2), so that the bench stays bounded.
const BUDGET_MS = 10_000;

async function runBatch(call: Call, count: number, concurrency: number, tally: Tally): Promise<void> {
  let left = count;
  const worker = async (): Promise<void> => {
    while (left > 0) {
      left--;
      await call();
    }
  };
  const cpu = process.cpuUsage();
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  tally.wallMs += performance.now() - start;
  const used = process.cpuUsage(cpu);
  tally.cpuUs += used.user + used.system;
  tally.requests += count;
}

/**
 * Runs each path `ROUNDS` times (fewer past `BUDGET_MS`) in rotating order, after a warm-up, and sums time and
 * CPU per path. Whole rounds only, so every path runs as often as the others.
 */
async function compare<K extends string>(paths: Record<K, Call>, concurrency: number): Promise<Record<K, Tally>> {
  const names = Object.keys(paths) as K[];
  const tallies = Object.fromEntries(names.map((name) => [name, { requests: 0, wallMs: 0, cpuUs: 0 }])) as Record<
    K,
    Tally
  >;
  const scratch: Tally = { requests: 0, wallMs: 0, cpuUs: 0 };
  for (const name of names) await runBatch(paths[name], PER_ROUND, concurrency, scratch);
  const started = performance.now();
  for (let round = 0; round < ROUNDS && (round < 2 || performance.now() - started < BUDGET_MS); round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length] as K;
      await runBatch(paths[name], PER_ROUND, concurrency, tallies[name]);
    }
  }
  return tallies;
}

const throughput = (tally: Tally): number => tally.requests / tally.wallMs;
const cpuPerRequest = (tally: Tally): number => tally.cpuUs / tally.requests;
const perSecond = (tally: Tally): string => `${Math.round(throughput(tally) * 1000)}/s`;
const cpuText = (tally: Tally): string => `${Math.round(cpuPerRequest(tally))} µs CPU/request`;

/** Measures the three paths at concurrency 1 and 16 and returns their ratios. */
export async function benchRequestPath(): Promise<PathResult[]> {
  const server = await startLoopbackServer();
  const bridge = createWUIBridge();
  let handler: ReturnType<typeof createBackendHandler> | undefined;
  try {
    const login = await axios.post<{ session: { accessToken: string } }>(`${server.url}/auth/login`, demoCredentials);
    const token = login.data.session.accessToken;
    const authorization = `Bearer ${token}`;
    const timeoutMs = 30_000;
    // The instance settings of api/http/transport.ts.
    const raw: AxiosInstance = axios.create({
      baseURL: server.url,
      timeout: timeoutMs,
      allowAbsoluteUrls: false,
      maxRedirects: 0,
      proxy: false,
      validateStatus: () => true,
      headers: { Accept: 'application/json' },
    });
    handler = createBackendHandler({
      bridge,
      environment: { apiBaseUrl: server.url, timeoutMs, logLevel: 'silent' },
      auth: { getAccessToken: () => token },
    });
    handler.start();
    const paths: Record<'raw' | 'default' | 'bridge', Call> = {
      raw: () => raw.get('/users/me', { headers: { Authorization: authorization } }),
      default: () => axios.get(`${server.url}/users/me`, { headers: { Authorization: authorization } }),
      bridge: () => bridge.request('loadUser'),
    };
    const results: PathResult[] = [];
    for (const concurrency of CONCURRENCIES) {
      const tally = await compare(paths, concurrency);
      results.push(
        {
          name: `bridge.request('loadUser') throughput vs raw axios (same settings), concurrency ${concurrency}`,
          ratio: throughput(tally.bridge) / throughput(tally.raw),
          target: 0.9,
          atLeast: true,
          unit: 'x',
          detail: `bridge ${perSecond(tally.bridge)}, raw axios ${perSecond(tally.raw)}`,
        },
        {
          name: `bridge.request('loadUser') client CPU per request vs raw axios, concurrency ${concurrency}`,
          ratio: cpuPerRequest(tally.bridge) / cpuPerRequest(tally.raw),
          target: 1.2,
          atLeast: false,
          unit: 'x',
          detail: `bridge ${cpuText(tally.bridge)}, raw axios ${cpuText(tally.raw)}`,
        },
        {
          name: `bridge.request('loadUser') throughput vs default axios.get, concurrency ${concurrency}`,
          ratio: throughput(tally.bridge) / throughput(tally.default),
          target: 1.3,
          atLeast: true,
          unit: 'x',
          detail: `bridge ${perSecond(tally.bridge)}, axios.get ${perSecond(tally.default)}`,
        },
      );
    }
    return results;
  } finally {
    handler?.stop();
    await server.close();
  }
}

/** Measures the request path and prints each ratio with its target, as `npm run bench` does. */
export async function runRequestPathBench(): Promise<void> {
  for (const result of await benchRequestPath()) {
    const met = result.atLeast ? result.ratio >= result.target : result.ratio <= result.target;
    const bound = result.atLeast ? '>=' : '<=';
    const verdict = met ? 'meets' : 'MISSES';
    console.log(
      `${result.name}\n  ${result.ratio.toFixed(3)} ${result.unit} (target ${bound} ${result.target}: ${verdict}; ${result.detail})`,
    );
  }
}

if (process.argv[1]?.endsWith('request-path.ts')) await runRequestPathBench();
