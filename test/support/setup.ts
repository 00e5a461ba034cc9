import { setupServer } from 'msw/node';
import { createBackendHandler, type BackendHandlerOptions } from '../../backend-handler';
import { createWUIBridge, type WUIBridge } from '../../event-helper';
import { EventNames, type EventName, type StateChangeMeta } from '../../event-names';
import type { User } from '../../interfaces/user-interface';

/** The API base URL every test handler talks to; msw answers it, nothing real is contacted. */
export const API = 'http://aurora.test/api';

/** The access token the test handler sends; tests assert it never leaks. */
export const TEST_TOKEN = 'test-access-token-5f1c2a9d';

/** One msw server per test file, failing on any request no handler answers. */
export const server = setupServer();

/** Installs the msw lifecycle in the calling test file. */
export function useMockApi(): void {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
}

export interface LoggedEvent {
  event: EventName;
  args: unknown[];
}

export interface EventLog {
  entries: LoggedEvent[];
  /** The event names, in order. */
  names: () => EventName[];
  /** The snapshots `state:changed` carried, in order, with their meta. */
  stateChanges: () => Array<{ state: User | null; meta: StateChangeMeta }>;
  /** Forgets the events recorded so far. */
  clear: () => void;
  /** Stops recording. */
  stop: () => void;
}

/** Records every event of `bridge`, in order, so tests can assert the whole sequence at once. */
export function recordEvents(bridge: WUIBridge): EventLog {
  const entries: LoggedEvent[] = [];
  const offs = EventNames.map((event) =>
    bridge.on(event, (...args: unknown[]) => {
      entries.push({ event, args });
    }),
  );
  return {
    entries,
    names: () => entries.map((entry) => entry.event),
    stateChanges: () =>
      entries
        .filter((entry) => entry.event === 'state:changed')
        .map((entry) => ({ state: entry.args[0] as User | null, meta: entry.args[1] as StateChangeMeta })),
    clear: () => {
      entries.length = 0;
    },
    stop: () => {
      for (const off of offs) off();
    },
  };
}

/** A started handler on a fresh bridge, pointed at the mock API, with its event log and listener errors. */
export function setup(overrides: Partial<Omit<BackendHandlerOptions, 'bridge'>> = {}) {
  const listenerErrors: unknown[] = [];
  const bridge = createWUIBridge({ onListenerError: (error) => listenerErrors.push(error) });
  const log = recordEvents(bridge);
  const handler = createBackendHandler({
    bridge,
    environment: { apiBaseUrl: API, logLevel: 'silent', timeoutMs: 5_000 },
    auth: { getAccessToken: () => TEST_TOKEN },
    // These tests are about requests: the live stream is off unless a test turns it on (test/live-*.test.ts).
    stream: false,
    ...overrides,
  });
  handler.start();
  return { bridge, handler, log, listenerErrors };
}

/** Resolves after pending promise callbacks and one macrotask have run. */
export const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
