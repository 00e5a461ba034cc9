// Builds the playground: bundles src/main.ts for the browser into dist/app.js, styles.css (and the files it
// @imports) into dist/styles.css, and copies index.html.
// It imports the library by its package name, aliased to the BUILT ../dist/index.js, like a real app would.
import console from 'node:console';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { buildBrowserApp, libraryEntry } from '../scripts/browser-app.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'dist');

if (!existsSync(libraryEntry)) {
  console.error(`The playground bundles the built library, and ${libraryEntry} is missing: run "npm run build" first.`);
  process.exit(1);
}

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
// The app, and the stylesheet with its @imports (styles/*.css) inlined.
const result = await buildBrowserApp({
  entryPoints: { app: join(here, 'src', 'main.ts'), styles: join(here, 'styles.css') },
  outdir: out,
});
await copyFile(join(here, 'index.html'), join(out, 'index.html'));
const inputs = Object.keys(result.metafile.inputs);
if (!inputs.some((input) => input.endsWith('dist/index.js'))) {
  console.error('The bundle does not contain the built library (dist/index.js): check the alias.');
  process.exit(1);
}
const [, output] = Object.entries(result.metafile.outputs).find(([file]) => file.endsWith('app.js')) ?? [];
const size = output === undefined ? '' : ` (app.js ${Math.round(output.bytes / 1024)} KiB)`;
console.log(`Playground built into ${out}${size}`);
// The example apps live under the playground's dist/ (served at /examples/<name>/): built after it, since the
// playground's build empties dist/.
await import('../examples/build.mjs');
