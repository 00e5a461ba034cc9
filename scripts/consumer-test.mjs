// Proves README's "Testing a WUI" path on the packed package: builds and packs it, installs the tarball with
// jest 30, ts-jest, typescript, msw, hono, @hono/node-server, vue, react and react-dom (the lockfile's versions)
// into an empty project in a temp dir, writes the files README's code blocks name (`// jest.config.js`,
// `// test/*.test.ts`), runs that project's jest, checks that the testing entry loads without msw, and renders a
// component with each framework binding (`./vue`, `./react`) on the server, from ESM and from CommonJS, against
// a started reference API. Exits non-zero on any failure.
// Usage: node scripts/consumer-test.mjs [--no-build] [--keep]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const started = Date.now();

function run(command, commandArgs, cwd) {
  const shown = commandArgs.map((arg) => (arg.includes('\n') ? '<script>' : arg)).join(' ');
  console.log(`$ ${command} ${shown}${cwd === root ? '' : `   (in ${cwd})`}`);
  const stepStarted = Date.now();
  const output = execFileSync(command, commandArgs, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  console.log(`  (${((Date.now() - stepStarted) / 1000).toFixed(1)} s)`);
  return output;
}

/** The files README's testing section shows: fenced blocks whose first line is `// <relative path>`. */
export function readmeFiles(readme) {
  const section = readme.slice(readme.indexOf('## Testing a WUI'));
  const body = section.slice(0, section.indexOf('\n## ', 1) === -1 ? undefined : section.indexOf('\n## ', 1));
  const files = new Map();
  for (const [, code] of body.matchAll(/```(?:js|ts)\n([\s\S]*?)```/g)) {
    const path = /^\/\/ ([\w./-]+\.(?:js|ts))\n/.exec(code)?.[1];
    if (path !== undefined) files.set(path, code);
  }
  return files;
}

/** The version of `name` the lockfile installs, so the consumer tests what this repository tests. */
function lockedVersion(lock, name) {
  const version = lock.packages[`node_modules/${name}`]?.version;
  if (version === undefined) throw new Error(`${name} is not in package-lock.json`);
  return version;
}

const BINDINGS_CHECK = `
import { createBackendHandler, createWUIBridge } from 'aurora-backend-handler';
import { demoCredentials, startReferenceServer } from 'aurora-backend-handler/testing';
import { provideBackend, useBackendState } from 'aurora-backend-handler/vue';
import { BackendProvider, useBackendState as useReactState } from 'aurora-backend-handler/react';
import { createSSRApp, defineComponent, h } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { createElement } from 'react';
import { renderToString as renderReact } from 'react-dom/server';

const server = await startReferenceServer({ port: 0 });
const bridge = createWUIBridge();
const handler = createBackendHandler({ bridge, environment: { apiBaseUrl: server.url, logLevel: 'silent' }, stream: false });
handler.start();
try {
  await bridge.request('login', demoCredentials);
  const tenants = (state) => state?.tenants.map((tenant) => tenant.name).join(', ');
  const VueTenants = defineComponent({
    setup() {
      provideBackend({ bridge, handler });
      const names = useBackendState(tenants);
      return () => h('p', names.value);
    },
  });
  const vueHtml = await renderToString(createSSRApp(VueTenants));
  const ReactTenants = () => createElement('p', null, useReactState(tenants));
  const reactHtml = renderReact(createElement(BackendProvider, { backend: { bridge, handler } }, createElement(ReactTenants)));
  for (const [framework, html] of [['vue', vueHtml], ['react', reactHtml]]) {
    if (!html.includes('northwind-prod')) throw new Error(framework + ' rendered ' + html);
  }
  console.log('./vue rendered ' + vueHtml + ', ./react rendered ' + reactHtml);
} finally {
  handler.stop();
  await server.close();
}
`;

const files = readmeFiles(readFileSync(join(root, 'README.md'), 'utf8'));
for (const needed of ['jest.config.js', 'test/profile.test.ts', 'test/with-msw.test.ts']) {
  if (!files.has(needed)) throw new Error(`README's testing section has no code block for ${needed}`);
}

const consumer = mkdtempSync(join(tmpdir(), 'aurora-consumer-'));
try {
  if (!args.has('--no-build')) run('npm', ['run', 'build'], root);
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', consumer], root));
  const tarball = join(consumer, packed[0].filename);

  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const devTools = [
    'jest',
    'ts-jest',
    'typescript',
    '@types/jest',
    'msw',
    'hono',
    '@hono/node-server',
    'vue',
    'react',
    'react-dom',
  ].map((name) => `${name}@${lockedVersion(lock, name)}`);
  writeFileSync(
    join(consumer, 'package.json'),
    `${JSON.stringify({ name: 'aurora-consumer', private: true, scripts: { test: 'jest' } }, null, 2)}\n`,
  );
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--save-dev', tarball, ...devTools], consumer);

  for (const [path, code] of files) {
    mkdirSync(dirname(join(consumer, path)), { recursive: true });
    writeFileSync(join(consumer, path), code);
  }
  process.stdout.write(run('npx', ['jest', '--ci', '--colors'], consumer));

  // The testing entry, its factories and its reference server work in a project that cannot load msw.
  writeFileSync(
    join(consumer, 'refuse-msw.cjs'),
    `const Module = require('node:module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'msw' || request.startsWith('msw/')) throw new Error('msw is refused in this check');
  return resolve.call(this, request, ...rest);
};
`,
  );
  const check = `
    const { buildUser, startReferenceServer } = require('aurora-backend-handler/testing');
    let mswLoaded = true;
    try { require('aurora-backend-handler/testing/msw'); } catch { mswLoaded = false; }
    if (mswLoaded) throw new Error('the refusal of msw did not work');
    startReferenceServer({ port: 0 }).then(async (server) => {
      const response = await fetch(server.url + '/users/me');
      await server.close();
      if (response.status !== 401 || buildUser().name !== 'Ada') throw new Error('unexpected answer');
      console.log('aurora-backend-handler/testing works without msw');
    });
  `;
  process.stdout.write(run('node', ['--require', './refuse-msw.cjs', '-e', check], consumer));
  // The framework bindings, as a WUI imports them: one component per framework, rendered on the server from the
  // signed-in user's tree, through the ESM and the CommonJS builds of each entry.
  writeFileSync(join(consumer, 'bindings.mjs'), BINDINGS_CHECK);
  process.stdout.write(run('node', ['bindings.mjs'], consumer));
  writeFileSync(
    join(consumer, 'bindings-cjs.cjs'),
    `const vue = require('aurora-backend-handler/vue');
const react = require('aurora-backend-handler/react');
if (typeof vue.useBackendState !== 'function' || typeof react.BackendProvider !== 'function') {
  throw new Error('the CommonJS builds of ./vue and ./react lack their exports');
}
console.log('./vue and ./react load from CommonJS');
`,
  );
  process.stdout.write(run('node', ['bindings-cjs.cjs'], consumer));
  console.log(`consumer test passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  if (args.has('--keep')) console.log(`kept ${consumer}`);
  else rmSync(consumer, { recursive: true, force: true });
}
