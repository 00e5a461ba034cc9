import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * Serves the files below `root` for GET requests (`/` is `index.html`, and so is any folder's `/`: the example
 * apps live at `/examples/<name>/`). A folder named without its final `/` is redirected to it, so that the
 * page's relative URLs resolve inside it. A path that would leave `root` is a 404, like a missing file: `..`
 * segments and encoded separators never reach the file system.
 */
export function createStaticFiles(root: string): (request: Request) => Promise<Response> {
  const base = normalize(root).replace(/[\\/]+$/, '');
  return async (request) => {
    const notFound = new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFound;
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url).pathname);
    } catch {
      return notFound;
    }
    const relative = pathname.endsWith('/') ? `${pathname.slice(1)}index.html` : pathname.slice(1);
    const file = normalize(join(base, relative));
    if (!file.startsWith(base + sep) || pathname.includes('\0')) return notFound;
    try {
      const body = await readFile(file);
      const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
      return new Response(request.method === 'HEAD' ? null : body, {
        headers: { 'content-type': type, 'cache-control': 'no-cache' },
      });
    } catch (error) {
      // A folder named without its slash: one read tells it (EISDIR), no stat before every file.
      if ((error as NodeJS.ErrnoException).code !== 'EISDIR') return notFound;
      // The path as the client sent it (still encoded): nothing decoded goes back into a header.
      return new Response(null, { status: 301, headers: { location: `${new URL(request.url).pathname}/` } });
    }
  };
}
