/**
 * 100 forced disconnects of the live stream client (`createEventStream`) against its own small SSE server on
 * 127.0.0.1 (node:http): the server numbers events, replays after `Last-Event-ID`, and drops each connection
 * after a random number of events (replaying a few the client has, on purpose), in three ways in turn: a clean end, a reset socket, and a reset in the
 * middle of an event. Counts the events lost and duplicated (target 0 and 0). Bounded: it gives up after 60 s.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEventStream } from '../api/stream/event-stream';

const DISCONNECTS = 100;
const GIVE_UP_MS = 60_000;
const DROP_KINDS = ['end', 'reset', 'reset mid-event'] as const;

const frame = (id: number) => `id: ${id}\nevent: tenant.deleted\ndata: {"id":"ten-${id}"}\n\n`;

/** One client connection: how many events it was sent, and after how many it is dropped. */
interface Connection {
  response: ServerResponse;
  sent: number;
  dropAfter: number;
}

/** A loopback SSE server that publishes numbered events and drops connections on purpose. */
async function startDroppingServer(random: () => number) {
  const published: number[] = [];
  const open = new Set<Connection>();
  let drops = 0;
  let connections = 0;

  function drop(connection: Connection): void {
    open.delete(connection);
    const kind = DROP_KINDS[drops % DROP_KINDS.length];
    drops++;
    if (kind === 'end') connection.response.end();
    else {
      if (kind === 'reset mid-event') connection.response.write(frame(published.length + 1).slice(0, 20));
      connection.response.socket?.destroy();
    }
  }

  function send(connection: Connection, id: number): void {
    connection.response.write(frame(id));
    connection.sent++;
    if (drops < DISCONNECTS && connection.sent >= connection.dropAfter) drop(connection);
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    connections++;
    // Replays a few events the client already has, as a server unsure of its cut may: they must be dropped.
    const after = Math.max(0, Number(request.headers['last-event-id'] ?? 0) - Math.floor(random() * 4));
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
    response.write(': connected\n\n');
    const connection: Connection = { response, sent: 0, dropAfter: 1 + Math.floor(random() * 40) };
    open.add(connection);
    response.on('close', () => open.delete(connection));
    for (const id of published) {
      if (id <= after) continue;
      if (!open.has(connection)) return;
      send(connection, id);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/api`,
    get drops() {
      return drops;
    },
    get connections() {
      return connections;
    },
    get lastId() {
      return published.length;
    },
    publish(count: number): void {
      for (let i = 0; i < count; i++) {
        const id = published.length + 1;
        published.push(id);
        for (const connection of [...open]) send(connection, id);
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const connection of open) connection.response.socket?.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A seeded random (mulberry32), so that every run drops the same way. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface DisconnectsResult {
  disconnects: number;
  connections: number;
  published: number;
  lost: number;
  duplicated: number;
  timedOut: boolean;
  ms: number;
}

/** Runs the scenario and counts what the client missed or received twice. */
export async function benchStreamDisconnects(): Promise<DisconnectsResult> {
  const server = await startDroppingServer(seeded(9));
  const delivered: string[] = [];
  const stream = createEventStream({
    environment: { apiBaseUrl: server.url },
    // Short waits keep the run short; the order of reconnects and drops is what is measured, not the waits.
    backoff: { initialMs: 1, maxMs: 20 },
    heartbeatTimeoutMs: 5_000,
    pauseWhenHiddenMs: false,
    document: null,
  });
  stream.subscribe({ events: (batch) => batch.forEach((event) => delivered.push(event.id)), status: () => undefined });
  const started = performance.now();
  let timedOut = false;
  stream.open();
  try {
    while (server.drops < DISCONNECTS || stream.lastEventId !== String(server.lastId)) {
      if (performance.now() - started > GIVE_UP_MS) {
        timedOut = true;
        break;
      }
      if (server.drops < DISCONNECTS) server.publish(5);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  } finally {
    stream.close();
    await server.close();
  }
  const unique = new Set(delivered);
  let lost = 0;
  for (let id = 1; id <= server.lastId; id++) if (!unique.has(String(id))) lost++;
  return {
    disconnects: server.drops,
    connections: server.connections,
    published: server.lastId,
    lost,
    duplicated: delivered.length - unique.size,
    timedOut,
    ms: Math.round(performance.now() - started),
  };
}

/** Prints the result with its targets, as `npm run bench` does. */
export async function runStreamDisconnectsBench(): Promise<void> {
  const result = await benchStreamDisconnects();
  const verdict = result.lost === 0 && result.duplicated === 0 && !result.timedOut ? 'meets' : 'MISSES';
  console.log(
    `live stream: events lost and duplicated over ${result.disconnects} forced disconnects\n  ${result.lost} lost, ${result.duplicated} duplicated (target 0 and 0: ${verdict}; ${result.published} events, ${result.connections} connections, ${result.ms} ms${result.timedOut ? ', GAVE UP' : ''})`,
  );
}

if (process.argv[1]?.endsWith('stream-disconnects.ts')) await runStreamDisconnectsBench();
