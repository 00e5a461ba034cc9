// Started by ./reference-process.ts in a Node process of its own: serves a reference API and prints its URL.
// It ends when told to (SIGTERM) or when its parent is gone (stdin closes), so a test run never leaves it behind.
import { startReferenceServer } from '../../testing/index';

const operationDurationMs = Number(process.argv[2] ?? '0');
const server = await startReferenceServer({ port: 0, operationDurationMs });
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
