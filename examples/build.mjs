// Builds the example apps: each folder examples/<name>/ with a main.ts or main.tsx and an index.html becomes
// playground/dist/examples/<name>/ (app.js + index.html), which `npm start` serves at /examples/<name>/.
// Like the playground, each imports the library by its package name, aliased to the BUILT ../dist/, so it uses
// the published entry points (`aurora-backend-handler/vue`, `aurora-backend-handler/react`).
import console from 'node:console';
import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBrowserApp } from '../scripts/browser-app.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'playground', 'dist', 'examples');

/** The example folders and their entry files. */
async function examples() {
  const found = [];
  for (const entry of await readdir(here, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const main = ['main.ts', 'main.tsx'].map((file) => join(here, entry.name, file)).find((file) => existsSync(file));
    if (main !== undefined) found.push({ name: entry.name, main });
  }
  return found;
}

await rm(out, { recursive: true, force: true });
for (const { name, main } of await examples()) {
  const target = join(out, name);
  await mkdir(target, { recursive: true });
  await buildBrowserApp({ entryPoints: { app: main }, outdir: target });
  await copyFile(join(here, name, 'index.html'), join(target, 'index.html'));
  console.log(`Example ${name} built into ${target}`);
}
// The stylesheet both examples link (`../example.css`).
await copyFile(join(here, 'example.css'), join(out, 'example.css'));
