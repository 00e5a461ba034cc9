import { createHash } from 'node:crypto';
import { Agent, createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Random } from './random';

/** The faults the proxy plays; each is one way a real network or API misbehaves. */
export const FAULT_KINDS = [
  'reset',
  'refused',
  'hang',
  'server-error',
  'malformed-json',
  'schema-break',
  'rate-limited',
  'dropped-after-apply',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

const MUTATING = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/** One request the proxy received, and what became of it. */
export interface ProxyRecord {
  method: string;
  path: string;
  requestId: string | undefined;
  idempotencyKey: string | undefined;
  fault: FaultKind | undefined;
  /** The server's status when the request reached it. */
  upstreamStatus: number | undefined;
  /** A hash of the server's answer, to tell a replayed answer from a second application. */
  upstreamBody: string | undefined;
  /** The server said it replayed an earlier answer (`Idempotent-Replayed: true`). */
  replayed: boolean;
}

export interface FaultProxyOptions {
  /** Where requests go when no fault stops them: the reference server's origin, e.g. `http://127.0.0.1:40123`. */
  upstream: string;
  /** The share of requests that meet a fault, 0 to 1. */
  faultRate: number;
  random: Random;
  /** `Retry-After` of injected 429s, in seconds. */
  retryAfterSeconds: number;
}

export interface FaultProxy {
  /** The proxy's origin on the loopback interface. */
  origin: string;
  /** Every request received, in order. */
  readonly records: readonly ProxyRecord[];
  /** Whether faults are played (off while the run signs in and while it checks the end state). */
  armed: boolean;
  close(): Promise<void>;
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

interface Upstream {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

function sendJson(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(body);
}

/**
 * An HTTP proxy on 127.0.0.1 in front of the reference server that plays a fault on a seeded share of requests:
 * resets, closed connections, hangs, 5xx, malformed JSON, schema-breaking answers, 429 with Retry-After, and
 * answers dropped after the server applied a mutation. It records every request, so that the run can count
 * what the server applied per logical request.
 */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const { random } = options;
  const upstream = new URL(options.upstream);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const records: ProxyRecord[] = [];
  const sockets = new Set<Socket>();
  const proxy = { armed: false };

  function chooseFault(method: string): FaultKind | undefined {
    if (!proxy.armed || !random.chance(options.faultRate)) return undefined;
    const kinds = MUTATING.has(method) ? FAULT_KINDS : FAULT_KINDS.filter((kind) => kind !== 'dropped-after-apply');
    return random.pick(kinds);
  }

  /** The same request, to the upstream server. */
  function upstreamRequest(request: IncomingMessage) {
    const { method, url: path } = request;
    return {
      agent,
      host: upstream.hostname,
      port: upstream.port,
      method,
      path,
      headers: { ...request.headers, host: upstream.host },
    };
  }

  function forward(request: IncomingMessage, body: Buffer): Promise<Upstream> {
    return new Promise((resolve, reject) => {
      const outgoing = httpRequest(
        {
          agent,
          host: upstream.hostname,
          port: upstream.port,
          method: request.method,
          path: request.url,
          headers: { ...request.headers, host: upstream.host },
        },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('end', () =>
            resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: Buffer.concat(chunks) }),
          );
          answer.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }

  // The live stream (GET /events) passes through as a stream, untouched and unrecorded: the chaos run checks the
  // request path, and the stream's own faults (drops, resumes, resets) are proven by its tests and benchmarks.
  function streamThrough(request: IncomingMessage, response: ServerResponse): void {
    const outgoing = httpRequest(upstreamRequest(request), (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    outgoing.on('error', () => request.socket.destroy());
    request.on('close', () => outgoing.destroy());
    outgoing.end();
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    if (method === 'GET' && /\/events(?:\?|$)/.test(request.url ?? '')) return streamThrough(request, response);
    const fault = chooseFault(method);
    const record: ProxyRecord = {
      method,
      path: request.url ?? '/',
      requestId: header(request, 'x-request-id'),
      idempotencyKey: header(request, 'idempotency-key'),
      fault,
      upstreamStatus: undefined,
      upstreamBody: undefined,
      replayed: false,
    };
    records.push(record);
    const body = await readBody(request);
    switch (fault) {
      case 'reset':
        request.socket.resetAndDestroy();
        return;
      case 'refused':
        // The connection closes without a byte of answer, as a server that refuses it would.
        request.socket.end();
        return;
      case 'hang':
        // No answer at all: the client's timeout must end it. The socket is destroyed when the run ends.
        return;
      case 'server-error':
        sendJson(response, random.pick([500, 502, 503, 504]) ?? 503, '{"code":"SERVER","message":"Injected 5xx"}');
        return;
      case 'rate-limited':
        sendJson(response, 429, '{"code":"RATE_LIMITED","message":"Injected 429"}', {
          'retry-after': String(options.retryAfterSeconds),
        });
        return;
      default:
        break;
    }
    const answer = await forward(request, body);
    record.upstreamStatus = answer.status;
    record.upstreamBody = createHash('sha1').update(answer.body).digest('hex');
    record.replayed = /^true$/i.test(
      String(answer.headers['idempotent-replayed'] ?? answer.headers['idempotency-replayed'] ?? ''),
    );
    switch (fault) {
      case 'dropped-after-apply':
        request.socket.destroy();
        return;
      case 'malformed-json':
        sendJson(
          response,
          answer.status === 204 ? 200 : answer.status,
          answer.body.subarray(0, Math.floor(answer.body.length / 2)).toString() + '{"',
        );
        return;
      case 'schema-break':
        sendJson(response, answer.status === 204 ? 200 : answer.status, '{"id":42,"items":"not a list","status":{}}');
        return;
      default: {
        const headers = { ...answer.headers };
        delete headers['transfer-encoding'];
        delete headers.connection;
        response.writeHead(answer.status, headers);
        response.end(answer.body);
      }
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      // The upstream failed or the client went away: end this connection, the run goes on.
      request.socket.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;

  return {
    origin: `http://127.0.0.1:${port}`,
    records,
    get armed() {
      return proxy.armed;
    },
    set armed(value: boolean) {
      proxy.armed = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        agent.destroy();
        server.close(() => resolve());
      }),
  };
}
