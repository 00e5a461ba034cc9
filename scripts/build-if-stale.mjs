// `npm start`'s first step: runs `npm run build` and `npm run build:playground` only when their outputs are
// missing or older than one of their inputs, so a second start with unchanged sources serves at once instead of
// rebuilding for half a minute. Each build's outputs are the files it writes last, so a build that failed
// midway leaves them missing or old and is run again. `--force` always rebuilds both.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const force = process.argv.includes('--force');

/** Directories no build reads: dependencies, outputs, tests, tooling state. */
const NOT_INPUTS = new Set([
  'node_modules',
  'dist',
  'coverage',
  'docs',
  'test',
  'test-results',
  'bench',
  '.git',
  '.aurora-data',
]);

/** Every file under `directory` that `accept` takes, skipping the directories in NOT_INPUTS. */
function* walk(directory, accept) {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const file = path.join(directory, entry.name);
    if (entry.isDirectory() && !NOT_INPUTS.has(entry.name)) yield* walk(file, accept);
    else if (entry.isFile() && accept(file)) yield file;
  }
}

/** The newest of `files` and of the files `accept` takes under `directory`: its path and mtime (ms). */
function newest(files, directory, accept) {
  let found = { file: '', mtimeMs: 0 };
  for (const file of [...files.filter((candidate) => existsSync(candidate)), ...walk(directory, accept)]) {
    const { mtimeMs } = statSync(file);
    if (mtimeMs > found.mtimeMs) found = { file, mtimeMs };
  }
  return found;
}

/** The oldest modification time (ms) among `files`, or 0 when one is missing. */
function oldest(files) {
  return Math.min(...files.map((file) => (existsSync(file) ? statSync(file).mtimeMs : 0)));
}

const at = (...parts) => path.join(root, ...parts);

const BUILDS = [
  {
    script: 'build',
    // The library's TypeScript outside the playground and the test suites, and the build's own configuration.
    inputs: () =>
      newest(
        ['package.json', 'tsconfig.json', 'tsup.config.ts'].map((file) => at(file)),
        root,
        (file) =>
          /\.tsx?$/.test(file) &&
          !file.startsWith(at('playground') + path.sep) &&
          !file.startsWith(at('examples') + path.sep),
      ),
    // Declarations are written after the JavaScript, the entries' last.
    outputs: ['index', 'schemas', 'contract', 'react', 'vue', 'testing'].flatMap((entry) =>
      ['.js', '.cjs', '.d.ts', '.d.cts'].map((extension) => at('dist', `${entry}${extension}`)),
    ),
  },
  {
    script: 'build:playground',
    // Its sources, styles and build script (playground/dist is skipped like every dist/), the example apps it
    // builds too, and the built library.
    inputs: () => {
      const playground = newest(
        [at('dist', 'index.js'), at('scripts', 'browser-app.mjs')],
        at('playground'),
        () => true,
      );
      const examples = newest([], at('examples'), () => true);
      return examples.mtimeMs > playground.mtimeMs ? examples : playground;
    },
    outputs: ['app.js', 'styles.css', 'index.html'].map((file) => at('playground', 'dist', file)),
  },
];

for (const { script, inputs, outputs } of BUILDS) {
  const input = inputs();
  const builtAt = oldest(outputs);
  if (!force && builtAt > input.mtimeMs) {
    console.log(`npm run ${script}: up to date (newest input ${path.relative(root, input.file)}), skipped`);
    continue;
  }
  const started = performance.now();
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  console.log(`npm run ${script}: built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
