// Size budgets of the built package (run after `npm run build`), as a WUI's bundler would see it: for each case
// esbuild bundles a one-line consumer (`export { isBackendError } from 'aurora-backend-handler'`) for the
// browser, tree-shaken (the package says `sideEffects: false`), minified, in memory; the output is gzipped with
// node:zlib at level 9. "with dependencies" inlines axios, zod and eventemitter3; "own code" leaves them as
// imports, so it counts only this library's modules. 1 kB = 1000 bytes. It also totals the ESM declarations
// (.d.ts under dist/, the .d.cts twins not counted) against their budget, in KiB.
//
//   node scripts/bundle-size.mjs          a table, bytes per package for the largest case; exits 1 over budget
//   node scripts/bundle-size.mjs --json   the same as JSON
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants } from 'node:zlib';
import { build, version as esbuildVersion } from 'esbuild';
import { DECLARATIONS_BUDGET_KIB } from './declarations-budget.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const asJson = process.argv.includes('--json');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/**
 * What a consumer imports, and the most it may cost, min+gzip, in bytes (`budget`, which fails the run).
 * Where issue 7's target is not reached yet, `target` holds it and `budget` is a regression gate just above
 * today's figure: the run prints how far the target is missed, and fails only when the size grows.
 */
const CASES = [
  { name: 'isBackendError', imports: ['isBackendError'], dependencies: 'bundled', budget: 2_000 },
  { name: 'createWUIBridge', imports: ['createWUIBridge'], dependencies: 'bundled', budget: 6_000 },
  {
    name: 'bridge + handler',
    imports: ['createWUIBridge', 'createBackendHandler'],
    dependencies: 'bundled',
    // Raised from 74 kB by issue 8 (session renewal, retries, coordination, batched polling, never-older
    // state): 80.8 kB measured; from 82 kB by issue 9 (live stream client, tab sharing, event reducer,
    // notifications, eventsource-parser): 94.2 kB measured. The target is still the goal, and still missed.
    budget: 96_000,
    target: 60_000,
  },
  {
    name: 'bridge + handler, own code',
    imports: ['createWUIBridge', 'createBackendHandler'],
    dependencies: 'external',
    // Raised from 24 kB by issue 8: 31.3 kB measured; from 32 kB by issue 9: 42.4 kB measured.
    budget: 44_000,
    target: 15_000,
  },
  // No budget: the cost of everything the root entry exports, for comparison with the figures above.
  { name: 'whole root entry', imports: ['*'], dependencies: 'bundled' },
  // A WUI on a framework: bridge + handler and everything a binding exports (the framework itself, a peer, not
  // counted). What the binding adds is the difference with "bridge + handler".
  {
    name: 'bridge + handler + ./vue',
    imports: ['createWUIBridge', 'createBackendHandler'],
    entry: 'vue',
    dependencies: 'bundled',
    budget: 98_000,
  },
  {
    name: 'bridge + handler + ./react',
    imports: ['createWUIBridge', 'createBackendHandler'],
    entry: 'react',
    dependencies: 'bundled',
    budget: 98_000,
  },
];

/** The frameworks the bindings import: peer dependencies of the WUI, never counted here. */
const FRAMEWORKS = ['vue', 'react'];

const DECLARATIONS_BUDGET = DECLARATIONS_BUDGET_KIB * 1024;

if (!existsSync(path.join(root, 'dist/index.js'))) {
  console.error('dist/index.js is missing. Run `npm run build` first.');
  process.exit(1);
}

/** The npm package an input belongs to (its last node_modules segment), or this package for dist/ files. */
function packageOf(input) {
  const parts = input.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at === -1) return `${pkg.name} (dist)`;
  const name = parts[at + 1] ?? '';
  return name.startsWith('@') ? `${name}/${parts[at + 2] ?? ''}` : name;
}

async function measure({ name, imports, entry, dependencies, budget, target }) {
  const consumer =
    (imports.includes('*') ? `export * from '${pkg.name}';` : `export { ${imports.join(', ')} } from '${pkg.name}';`) +
    (entry === undefined ? '' : `\nexport * from '${pkg.name}/${entry}';`);
  const result = await build({
    stdin: { contents: consumer, resolveDir: root, sourcefile: 'consumer.js' },
    absWorkingDir: root,
    // The package directory, resolved like a dependency (package.json `module`, then `sideEffects`).
    // A subpath entry is its built file (the package directory alias alone would reach its TypeScript source).
    alias: {
      [pkg.name]: root,
      ...(entry === undefined ? {} : { [`${pkg.name}/${entry}`]: path.join(root, 'dist', `${entry}.js`) }),
    },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    outfile: 'bundle.js',
    metafile: true,
    logLevel: 'silent',
    external: [...FRAMEWORKS, ...(dependencies === 'external' ? Object.keys(pkg.dependencies ?? {}) : [])],
  });
  const code = result.outputFiles[0].contents;
  const byPackage = new Map();
  for (const [input, { bytesInOutput }] of Object.entries(Object.values(result.metafile.outputs)[0].inputs)) {
    if (input === '<stdin>') continue;
    byPackage.set(packageOf(input), (byPackage.get(packageOf(input)) ?? 0) + bytesInOutput);
  }
  const gzipBytes = gzipSync(code, { level: constants.Z_BEST_COMPRESSION }).length;
  return {
    name,
    consumer,
    dependencies,
    rawBytes: code.length,
    gzipBytes,
    budget: budget ?? null,
    withinBudget: budget === undefined ? null : gzipBytes <= budget,
    target: target ?? null,
    reachesTarget: target === undefined ? null : gzipBytes <= target,
    // Minified bytes each package contributes (esbuild metafile bytesInOutput), before gzip.
    packages: [...byPackage.entries()]
      .map(([pkgName, bytes]) => ({ name: pkgName, bytes }))
      .sort((a, b) => b.bytes - a.bytes),
  };
}

/** The ESM declarations a consumer's type checker may load: every .d.ts under dist/ (the .d.cts twins aside). */
function measureDeclarations() {
  const files = readdirSync(path.join(root, 'dist'), { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.d.ts'));
  const sizes = files
    .map((file) => ({
      file: path.posix.join('dist', file.split(path.sep).join('/')),
      bytes: statSync(path.join(root, 'dist', file)).size,
    }))
    .sort((a, b) => b.bytes - a.bytes);
  const bytes = sizes.reduce((sum, { bytes: size }) => sum + size, 0);
  return {
    files: files.length,
    bytes,
    budget: DECLARATIONS_BUDGET,
    withinBudget: bytes <= DECLARATIONS_BUDGET,
    largest: sizes.slice(0, 5),
  };
}

const results = [];
for (const testCase of CASES) results.push(await measure(testCase));
const declarations = measureDeclarations();
const over = [
  ...results.filter((result) => result.withinBudget === false).map((result) => result.name),
  ...(declarations.withinBudget ? [] : ['declarations']),
];

if (asJson) {
  console.log(
    JSON.stringify(
      {
        esbuild: esbuildVersion,
        options: { platform: 'browser', format: 'esm', target: 'es2022', minify: true, gzipLevel: 9 },
        results,
        declarations,
      },
      null,
      2,
    ),
  );
} else {
  const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
  console.log(`Browser bundles of ${pkg.name} (esbuild ${esbuildVersion}, tree-shaken, minified, gzip -9):`);
  for (const result of results) {
    const missed =
      result.reachesTarget === false
        ? `, target ${kB(result.target)} not reached: ${kB(result.gzipBytes - result.target)} over`
        : '';
    const verdict =
      result.budget === null ? '' : `${result.withinBudget ? 'ok' : 'OVER'} (budget ${kB(result.budget)}${missed})`;
    const deps = result.dependencies === 'bundled' ? 'with dependencies' : 'dependencies external';
    console.log(
      `  ${result.name.padEnd(28)} ${kB(result.gzipBytes).padStart(9)} gz ${kB(result.rawBytes).padStart(9)} min  ${deps.padEnd(22)} ${verdict}`,
    );
  }
  const largest = results.find((result) => result.name === 'bridge + handler');
  console.log(`Bytes per package in "${largest.name}" (minified, before gzip):`);
  for (const { name, bytes } of largest.packages) {
    console.log(
      `  ${String(bytes).padStart(8)}  ${((bytes / largest.rawBytes) * 100).toFixed(1).padStart(5)}%  ${name}`,
    );
  }
  const KiB = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
  console.log(
    `ESM declarations: ${declarations.files} .d.ts files, ${KiB(declarations.bytes)} ` +
      `${declarations.withinBudget ? 'ok' : 'OVER'} (budget ${KiB(declarations.budget)}); largest:`,
  );
  for (const { file, bytes } of declarations.largest) console.log(`  ${KiB(bytes).padStart(10)}  ${file}`);
}
if (over.length > 0) {
  console.error(`Over budget: ${over.join(', ')}`);
  process.exit(1);
}
