import type { Server } from 'node:http';
import { createReferenceApi, type ReferenceApi, type ReferenceApiOptions } from './create-reference-api';

export type ReferenceServerOptions = Omit<ReferenceApiOptions, 'baseUrl'> & {
  /** TCP port; default 4010; 0 picks any free port (read it from `url`). */
  port?: number;
  /** Interface to listen on; default `127.0.0.1` (this machine only). */
  host?: string;
};

export type ReferenceServer = {
  /** The API base URL, e.g. `http://127.0.0.1:4010/api`. */
  url: string;
  /** Stops listening and ends open connections; safe to call twice. */
  close(): Promise<void>;
  api: ReferenceApi;
};

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
  const { port = 4010, host = '127.0.0.1', ...apiOptions } = options;
  // Imported here, so that bundling the testing entry for a browser (msw) never needs node modules.
  const [{ createServer }, { getRequestListener }] = await Promise.all([
    import('node:http'),
    import('@hono/node-server'),
  ]);
  const holder: { api?: ReferenceApi } = {};
  const listener = getRequestListener(
    (request) => (holder.api === undefined ? new Response('Starting', { status: 503 }) : holder.api.app.fetch(request)),
    { overrideGlobalObjects: false },
  );
  const server = createServer((incoming, outgoing) => void listener(incoming, outgoing));
  const actualPort = await listen(server, port, host);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}/api`;
  const api = createReferenceApi({ ...apiOptions, baseUrl: url });
  holder.api = api;
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve, reject) => {
      server.close((error) => (error === undefined ? resolve() : reject(error)));
      server.closeAllConnections();
    });
    return closing;
  };
  return { url, close, api };
}
