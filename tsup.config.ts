import { resolve } from 'node:path';
import type { Plugin } from 'esbuild';
import { defineConfig } from 'tsup';

const ROOT_ENTRY = resolve(import.meta.dirname, 'index.ts');

/**
 * In the CommonJS build, the testing entry requires the package's root entry by name instead of bundling a
 * second copy: `createTestBackend()`'s bridge and handler are then the very classes a WUI imports (the ESM
 * build shares them through a chunk already).
 */
const testingUsesRootEntry: Plugin = {
  name: 'testing-uses-root-entry',
  setup(build) {
    // tsup runs esbuild in ESM format for both builds; the CommonJS one writes .cjs files.
    if (build.initialOptions.outExtension?.['.js'] !== '.cjs') return;
    build.onResolve({ filter: /^\.\.\/index$/ }, (args) =>
      args.importer.includes('/testing/') && resolve(args.resolveDir, `${args.path}.ts`) === ROOT_ENTRY
        ? { path: 'aurora-backend-handler', external: true }
        : undefined,
    );
  },
};

export default defineConfig({
  entry: {
    index: 'index.ts',
    testing: 'testing/index.ts',
    'testing/msw': 'testing/msw.ts',
    'testing/jest-preset': 'testing/jest-preset.ts',
  },
  format: ['esm', 'cjs'],
  // One declaration bundle per format: .d.ts next to the ESM .js, .d.cts next to the CommonJS .cjs.
  dts: {
    compilerOptions: {
      // Declaration emit writes inferred types as `import(".")` / `import("..")` (the package root, via
      // index.ts). Under `Bundler` resolution rollup-plugin-dts resolves that directory through package.json
      // `types` (deleted by `clean`), falls back to dist/index.js, and pastes compiled JavaScript into the
      // .d.ts. `Node10` resolves the directory to index.ts instead; only the declaration build uses it.
      moduleResolution: 'node10',
    },
  },
  clean: true,
  // No source maps: they would point at ../*.ts sources, which the package does not ship.
  sourcemap: false,
  target: 'es2022',
  platform: 'neutral',
  treeshake: true,
  // Dependencies and Node built-ins stay imports; the testing entry loads node:http only when a server starts.
  external: [/^node:/, 'msw', 'hono', '@hono/node-server'],
  // Keep `node:` in the imports: it tells a browser bundler at a glance which modules are Node's own.
  removeNodeProtocol: false,
  esbuildPlugins: [testingUsesRootEntry],
});
