import type * as HonoNodeServer from '@hono/node-server';
import type * as NodeHttp from 'node:http';
import type { Server } from 'node:http';
import {
  createReferenceApi,
  type LiveStreamControls,
  type ReferenceApi,
  type ReferenceApiOptions,
} from './create-reference-api';
import { loadNodeModule } from './load-node-module';

export type ReferenceServerOptions = Omit<ReferenceApiOptions, 'baseUrl'> & {
  /**
   * TCP port; 0 picks any free port (read it from `url`).
   * @default 4010
   * @example 0
   */
  port?: number;
  /**
   * Interface to listen on; the default serves this machine only.
   * @default '127.0.0.1'
   * @example '0.0.0.0'
   */
  host?: string;
  /**
   * A folder whose files are served at `/` (e.g. the playground); the API stays under `/api`.
   * @default undefined (API only)
   * @example 'playground/dist'
   */
  staticRoot?: string;
  /**
   * A JSON file that keeps the API's data across restarts: loaded at start, saved after changes. It holds
   * the seeded users' passwords and account secrets of this fake API, never session tokens.
   * @default undefined (in memory only)
   * @example '.aurora-data/reference-api.json'
   */
  dataFile?: string;
  /**
   * With `dataFile`: forget the saved data and start from the seed.
   * @default false
   * @example true
   */
  reset?: boolean;
};

/** A running reference server; the live stream controls act on its API (see {@link LiveStreamControls}). */
export interface ReferenceServer extends LiveStreamControls {
  /** The API base URL, e.g. `http://127.0.0.1:4010/api`. */
  url: string;
  /** Stops listening and ends open connections; safe to call twice. */
  close(): Promise<void>;
  api: ReferenceApi;
}

// Thrown after a connection was dropped on purpose, so that nothing is written to it.
const DROPPED = new Error('connection dropped');

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Port ${port} is in use; set PORT to another port`, { cause: error })
          : new Error(`The reference API could not listen on ${host}:${port}: ${error.message}`, { cause: error }),
      );
    };
    const onListening = () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/**
 * Serves a reference API over HTTP (node:http via @hono/node-server). Rejects with a clear Error when the
 * port is taken, instead of crashing the process.
 */
export async function startReferenceServer(options: ReferenceServerOptions = {}): Promise<ReferenceServer> {
  const { port = 4010, host = '127.0.0.1', staticRoot, dataFile, reset = false, ...apiOptions } = options;
  // Imported here, so that bundling the testing entry for a browser (msw) never needs node modules.
  const [{ createServer }, { getRequestListener }, files, data] = await Promise.all([
    loadNodeModule<typeof NodeHttp>('node:http'),
    loadNodeModule<typeof HonoNodeServer>('@hono/node-server'),
    import('./static-files'),
    import('./data-file'),
  ]);
  const holder: { api?: ReferenceApi; serveStatic?: (request: Request) => Promise<Response> } = {};
  let saving: Promise<void> = Promise.resolve();
  let pendingSave: ReturnType<typeof setTimeout> | undefined;
  const flush = (api: ReferenceApi): Promise<void> => {
    clearTimeout(pendingSave);
    pendingSave = undefined;
    if (dataFile === undefined) return saving;
    // Saves run one after another, so the file always ends with the latest state.
    saving = saving
      .then(() => data.saveDataFile(api.store, dataFile))
      .catch((error: unknown) => {
        console.error(`[aurora] could not save ${dataFile}: ${error instanceof Error ? error.message : String(error)}`);
      });
    return saving;
  };
  // Any request may change the data (reads apply operations whose time is up), so each schedules a save;
  // a burst of requests is written once.
  const save = (api: ReferenceApi): void => {
    if (dataFile === undefined || pendingSave !== undefined) return;
    pendingSave = setTimeout(() => void flush(api), 250);
  };
  const answer = async (request: Request, env: { outgoing: { destroy(): unknown } }): Promise<Response> => {
    const { api } = holder;
    if (api === undefined) return new Response('Starting', { status: 503 });
    const { pathname } = new URL(request.url);
    if (holder.serveStatic !== undefined && !pathname.startsWith('/api/') && pathname !== '/api') {
      return holder.serveStatic(request);
    }
    const response = await api.app.fetch(request);
    save(api);
    // An injected network error: the connection ends without an answer.
    if (response.type === 'error') {
      env.outgoing.destroy();
      throw DROPPED;
    }
    return response;
  };
  const listener = getRequestListener(answer, {
    overrideGlobalObjects: false,
    errorHandler: (error) => (error === DROPPED ? undefined : new Response(null, { status: 500 })),
  });
  const server = createServer((incoming, outgoing) => void listener(incoming, outgoing));
  const actualPort = await listen(server, port, host);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}/api`;
  const api = createReferenceApi({ ...apiOptions, baseUrl: url });
  try {
    if (dataFile !== undefined) {
      await data.loadDataFile(api.store, dataFile, reset);
      // The loaded data is where the live stream starts from, not a change to announce.
      api.live.reset();
    }
  } catch (error) {
    server.close();
    throw error;
  }
  if (staticRoot !== undefined) holder.serveStatic = files.createStaticFiles(staticRoot);
  holder.api = api;
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve, reject) => {
      api.disconnectStreams();
      server.close((error) => (error === undefined ? resolve() : reject(error)));
      server.closeAllConnections();
    }).then(() => flush(api));
    return closing;
  };
  return {
    url,
    close,
    api,
    disconnectStreams: () => api.disconnectStreams(),
    publishEvent: (event, audience) => api.publishEvent(event, audience),
    flushChanges: () => api.flushChanges(),
    advanceOperations: (ms) => api.advanceOperations(ms),
    get openStreams() {
      return api.openStreams;
    },
  };
}
