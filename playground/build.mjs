// Builds the playground: bundles src/main.ts for the browser into dist/app.js, styles.css (and the files it
// @imports) into dist/styles.css, and copies index.html.
// It imports the library by its package name, aliased to the BUILT ../dist/index.js, like a real app would.
import console from 'node:console';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const library = join(here, '..', 'dist', 'index.js');
const out = join(here, 'dist');

if (!existsSync(library)) {
  console.error(`The playground bundles the built library, and ${library} is missing: run "npm run build" first.`);
  process.exit(1);
}

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
const result = await build({
  // The app, and the stylesheet with its @imports (styles/*.css) inlined.
  entryPoints: { app: join(here, 'src', 'main.ts'), styles: join(here, 'styles.css') },
  outdir: out,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  // The package's dist/ folder: `aurora-backend-handler` is dist/index.js, `.../schemas` dist/schemas.js.
  alias: { 'aurora-backend-handler': join(here, '..', 'dist') },
  // Not the tsconfig: its `paths` point the type checker at the library's source, the bundle uses the build.
  tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
  logLevel: 'warning',
  metafile: true,
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
