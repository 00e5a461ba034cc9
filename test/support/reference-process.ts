import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createBackendHandler, type BackendHandler } from '../../backend-handler';
import { createWUIBridge, type WUIBridge } from '../../event-helper';

/** A reference API served by a Node process of its own. */
export interface ReferenceProcess {
  /** The API base URL, e.g. `http://127.0.0.1:40123/api`. */
  url: string;
  /** Stops the process. */
  close(): Promise<void>;
}

/**
 * Serves the reference API from a child Node process, for test files whose environment cannot run the server
 * (jsdom lacks the fetch API's classes the server is built on). The page under test reaches it by XHR across
 * origins, which the API allows (CORS `*`, no credentials).
 */
export function startReferenceProcess(options: { operationDurationMs?: number } = {}): Promise<ReferenceProcess> {
  const main = path.join(__dirname, 'reference-process-main.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', main, String(options.operationDurationMs ?? 0)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the reference API process exited (${code}) before it served`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      const { url } = JSON.parse(line) as { url: string };
      resolve({
        url,
        close: () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    });
  });
}

/** The bridge and started handler {@link useReferenceBackend} gives each test. */
export interface ReferenceBackend {
  bridge: WUIBridge;
  handler: BackendHandler;
}

/**
 * For a jsdom test file: the reference API in a process of its own for the whole file, and for each test a new
 * bridge and a started handler on it (no live stream: jsdom has no fetch; operations are polled quickly). Read
 * the returned object's fields inside tests: they change at every test.
 */
export function useReferenceBackend(options: { operationDurationMs?: number } = {}): ReferenceBackend {
  let server: ReferenceProcess | undefined;
  const current = {} as ReferenceBackend;
  // Starting Node with tsx and the reference API takes seconds on a busy machine.
  beforeAll(async () => {
    server = await startReferenceProcess(options);
  }, 60_000);
  afterAll(() => server?.close());
  beforeEach(() => {
    if (server === undefined) throw new Error('the reference API process did not start');
    current.bridge = createWUIBridge();
    current.handler = createBackendHandler({
      bridge: current.bridge,
      environment: { apiBaseUrl: server.url, logLevel: 'silent' },
      polling: { initialMs: 5, factor: 1.5, maxMs: 40 },
      stream: false,
    });
    current.handler.start();
  });
  afterEach(() => current.handler.stop());
  return current;
}
