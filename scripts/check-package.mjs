// Package hygiene gate for the built package (run after `npm run build`; it builds nothing itself):
//   1. every file package.json points at (main, module, types, typesVersions, exports) exists in dist/, and the
//      declaration files hold declarations only (no compiled JavaScript pasted in by the dts bundler);
//   2. `npm pack` ships only dist/**, README.md, LICENSE, CHANGELOG.md and package.json, and no source maps;
//   3. publint --strict reports nothing (no error, warning or suggestion);
//   4. attw (Are the Types Wrong, profile strict, no ignored rules) finds no problem for any entry point,
//      in node10, node16 (CJS and ESM) and bundler resolution.
// Exits 1 with a list of what is wrong; 0 when all checks pass.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const isWindows = process.platform === 'win32';

/** Files the package may contain, beside the build output under dist/. */
const ALLOWED_TOP_LEVEL = new Set(['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md']);

const failures = [];
const fail = (title, lines = []) => failures.push({ title, lines });
const section = (title) => console.log(`\n== ${title}`);

/** Every relative file path a package.json field points at. */
function referencedFiles() {
  const found = new Set();
  const walk = (value) => {
    if (typeof value === 'string') {
      if (value.startsWith('./')) found.add(path.posix.normalize(value));
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  for (const field of ['main', 'module', 'types', 'typesVersions', 'exports']) walk(pkg[field]);
  return [...found].filter((file) => !file.includes('*')).sort();
}

function run(command, args, options = {}) {
  return spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
}

// 1. The build is there.
section('entry files');
const entryFiles = referencedFiles();
const missingOnDisk = entryFiles.filter((file) => !existsSync(path.join(root, file)));
if (missingOnDisk.length > 0) {
  console.error(`Missing on disk: ${missingOnDisk.join(', ')}. Run \`npm run build\` first.`);
  process.exit(1);
}
console.log(`${entryFiles.length} files referenced by package.json, all present: ${entryFiles.join(', ')}`);

// A declaration file never assigns a variable or has a function body at top level; compiled JavaScript does.
// Guards against a declaration bundler resolving `import(".")` to dist/index.js instead of its declarations.
const COMPILED_JS = /^(?:var|let|const)\s+[\w$]+\s*=|^(?:async\s+)?function\s*\*?\s*[\w$]+\s*\([^)]*\)\s*\{/m;
const declarationFiles = readdirSync(path.join(root, 'dist'), { recursive: true })
  .map((file) => path.posix.join('dist', String(file).split(path.sep).join('/')))
  .filter((file) => /\.d\.(?:c|m)?ts$/.test(file));
const withJs = declarationFiles.filter((file) => COMPILED_JS.test(readFileSync(path.join(root, file), 'utf8')));
if (withJs.length > 0) {
  fail('declaration file(s) contain compiled JavaScript (top-level `var x =` or `function f() {`)', withJs);
}
console.log(
  `${declarationFiles.length} declaration files` + (withJs.length === 0 ? ', none contains compiled JavaScript' : ''),
);

// 2. What `npm pack` ships. Packed once into a temp dir; attw analyses this same tarball.
section('npm pack file list');
const packDir = mkdtempSync(path.join(tmpdir(), 'check-package-'));
try {
  const packed = run(
    isWindows ? 'npm.cmd' : 'npm',
    ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir],
    {
      shell: isWindows,
    },
  );
  if (packed.status !== 0) {
    console.error(packed.stdout, packed.stderr);
    console.error('`npm pack` failed.');
    process.exit(1);
  }
  const [manifest] = JSON.parse(packed.stdout);
  const files = manifest.files.map((file) => file.path).sort();
  const tarball = path.join(packDir, manifest.filename);

  const unexpected = files.filter((file) => !file.startsWith('dist/') && !ALLOWED_TOP_LEVEL.has(file));
  if (unexpected.length > 0) {
    fail(
      `npm pack would publish ${unexpected.length} file(s) outside dist/, README.md, LICENSE, CHANGELOG.md, package.json`,
      [...unexpected, 'Fix the "files" field of package.json (or stop writing these files).'],
    );
  }
  const maps = files.filter((file) => file.endsWith('.map'));
  if (maps.length > 0) {
    fail(
      `npm pack would publish ${maps.length} source map(s); they point at ../*.ts sources the package does not ship`,
      [...maps, 'Keep `sourcemap: false` in tsup.config.ts.'],
    );
  }
  const notPacked = [...new Set([...ALLOWED_TOP_LEVEL, ...entryFiles])].filter((file) => !files.includes(file));
  if (notPacked.length > 0) fail('npm pack would leave out required file(s)', notPacked);
  for (const file of manifest.files) console.log(`${String(file.size).padStart(9)}  ${file.path}`);
  console.log(
    `${manifest.entryCount} files, tarball ${manifest.size} bytes, unpacked ${manifest.unpackedSize} bytes` +
      (unexpected.length + maps.length + notPacked.length === 0 ? ': OK' : ''),
  );

  // 3. publint, strict: warnings count as errors; suggestions fail too.
  section('publint --strict');
  const { publint } = await import(require.resolve('publint'));
  const { formatMessage } = await import(require.resolve('publint/utils'));
  const { messages, pkg: lintedPkg } = await publint({ pkgDir: root, pack: 'npm', strict: true });
  if (messages.length > 0) {
    fail(
      `publint reported ${messages.length} message(s)`,
      messages.map((message) => `${message.type}: ${formatMessage(message, lintedPkg, { color: false })}`),
    );
  }
  console.log(messages.length === 0 ? 'no messages: OK' : `${messages.length} message(s), see the summary`);

  // 4. attw on the tarball packed above.
  section('attw (are the types wrong)');
  const attwCli = path.join(path.dirname(require.resolve('@arethetypeswrong/cli/package.json')), 'dist/index.js');
  const attwArgs = [attwCli, tarball, '--profile', 'strict', ...(process.stdout.isTTY ? [] : ['--no-color'])];
  const attw = run(process.execPath, attwArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
  process.stdout.write(attw.stdout);
  process.stderr.write(attw.stderr);
  if (attw.status !== 0) fail(`attw exited with ${attw.status}`, ['See its table above; no attw rule is ignored.']);
} finally {
  rmSync(packDir, { recursive: true, force: true });
}

section('summary');
if (failures.length > 0) {
  for (const { title, lines } of failures) {
    console.error(`FAIL ${title}`);
    for (const line of lines) console.error(`  - ${line}`);
  }
  process.exit(1);
}
console.log('package OK: files, publint --strict and attw all pass');
