import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'index.ts', testing: 'testing/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  treeshake: true,
  // Dependencies and Node built-ins stay imports; the testing entry loads node:http only when a server starts.
  external: [/^node:/, 'msw', 'hono', '@hono/node-server'],
});
