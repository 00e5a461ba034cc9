// Browser bundle size of the main entry `.` (run after `npm run build`): esbuild bundles dist/index.js for the
// browser with every dependency inlined (axios, zod, eventemitter3), minified, in memory; the output is then
// gzipped with node:zlib at level 9. Everything dist/index.js exports is kept, so this is the cost of the
// whole public API, not of a tree-shaken subset.
//
//   node scripts/bundle-size.mjs          human-readable: raw and gzipped bytes, bytes per package
//   node scripts/bundle-size.mjs --json   the same as JSON
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants } from 'node:zlib';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'dist/index.js');
const asJson = process.argv.includes('--json');

if (!existsSync(entry)) {
  console.error('dist/index.js is missing. Run `npm run build` first.');
  process.exit(1);
}

const result = await build({
  entryPoints: [entry],
  absWorkingDir: root,
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  minify: true,
  write: false,
  outfile: 'bundle.js',
  metafile: true,
  logLevel: 'silent',
});
if (result.errors.length > 0 || result.outputFiles.length !== 1) {
  console.error('esbuild failed', result.errors);
  process.exit(1);
}

const code = result.outputFiles[0].contents;
const gzip = gzipSync(code, { level: constants.Z_BEST_COMPRESSION });

/** The npm package an input belongs to (its last node_modules segment), or this package for dist/ files. */
function packageOf(input) {
  const parts = input.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at === -1) return 'aurora-backend-handler (dist)';
  const name = parts[at + 1] ?? '';
  return name.startsWith('@') ? `${name}/${parts[at + 2] ?? ''}` : name;
}

const [output] = Object.values(result.metafile.outputs);
const byPackage = new Map();
for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
  const name = packageOf(input);
  byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
}
const inputBytes = [...byPackage.values()].reduce((sum, bytes) => sum + bytes, 0);
const packages = [...byPackage.entries()]
  .map(([name, bytes]) => ({ name, bytes, share: Number((bytes / code.length).toFixed(4)) }))
  .sort((a, b) => b.bytes - a.bytes);

const report = {
  entry: 'dist/index.js',
  esbuild: (await import('esbuild')).version,
  options: { platform: 'browser', format: 'esm', target: 'es2022', minify: true, gzipLevel: 9 },
  rawBytes: code.length,
  gzipBytes: gzip.length,
  // Minified bytes each package contributes (esbuild metafile bytesInOutput); the rest of rawBytes is the
  // bundle's own glue (module wrappers, export list).
  packages,
  glueBytes: code.length - inputBytes,
};

if (asJson) {
  console.log(JSON.stringify(report, null, 2));
} else {
  console.log(`Browser bundle of "." (${report.entry}, esbuild ${report.esbuild}, minified, all dependencies):`);
  console.log(`  raw:  ${report.rawBytes} bytes`);
  console.log(`  gzip: ${report.gzipBytes} bytes (zlib level 9)`);
  console.log('Bytes per package (minified, before gzip):');
  for (const { name, bytes, share } of packages) {
    console.log(`  ${String(bytes).padStart(8)}  ${(share * 100).toFixed(1).padStart(5)}%  ${name}`);
  }
  console.log(
    `  ${String(report.glueBytes).padStart(8)}  ${((report.glueBytes / code.length) * 100).toFixed(1).padStart(5)}%  (bundle glue)`,
  );
}
