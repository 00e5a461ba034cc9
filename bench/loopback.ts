/**
 * The reference API in a child process, so that `process.cpuUsage()` in the bench process counts the
 * client's CPU only. Run as a script it serves on 127.0.0.1 (port 0) and prints its URL as one JSON line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** A reference server running in its own process. */
export interface LoopbackServer {
  /** The API base URL, e.g. `http://127.0.0.1:41234/api`. */
  url: string;
  close(): Promise<void>;
}

const SELF = fileURLToPath(import.meta.url);

/** Starts the reference server in a child process and resolves once it listens. */
export function startLoopbackServer(): Promise<LoopbackServer> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', SELF, '--serve'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const { stdout } = child;
  if (stdout === null) throw new Error('the loopback server has no stdout');
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: stdout });
    child.once('exit', (code) => reject(new Error(`the loopback server exited with code ${code}`)));
    lines.once('line', (line) => {
      const { url } = JSON.parse(line) as { url: string };
      child.removeAllListeners('exit');
      resolve({
        url,
        close: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

if (process.argv[1] === SELF && process.argv.includes('--serve')) {
  const { startReferenceServer } = await import('../testing/reference-api/server');
  const server = await startReferenceServer({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
  process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
}
