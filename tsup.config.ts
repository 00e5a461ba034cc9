import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'index.ts', testing: 'testing/index.ts' },
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
});
