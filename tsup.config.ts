import path from 'node:path';
import { defineConfig } from 'tsup';
import { emitDeclarations } from './scripts/emit-declarations';
import { outputName, preserveModules, runtimeModules } from './scripts/module-layout';

// Module-preserving build: every source module is its own file in dist/ (ESM .js and CommonJS .cjs), so a
// consumer's bundler keeps only the modules it imports (`sideEffects: false`); one bundle per entry would hand
// it all of them. Declarations come from the TypeScript compiler, file by file (scripts/emit-declarations.mjs).
export default defineConfig(async () => {
  const modules = await runtimeModules();
  return {
    entry: Object.fromEntries(
      modules.map((source) => [outputName(source), path.relative(import.meta.dirname, source)]),
    ),
    format: ['esm', 'cjs'],
    bundle: true,
    esbuildPlugins: [preserveModules()],
    dts: false,
    clean: true,
    // No source maps: they would point at ../*.ts sources, which the package does not ship.
    sourcemap: false,
    target: 'es2022',
    platform: 'neutral',
    // One module per file leaves nothing to shake here; the consumer's bundler does it.
    treeshake: false,
    splitting: false,
    // Keep `node:` in the imports: it tells a browser bundler at a glance which modules are Node's own.
    removeNodeProtocol: false,
    // CommonJS output loads lazily imported modules with require(): jest runs CommonJS in a VM where import()
    // fails without --experimental-vm-modules (the reference server loads its Node-only modules lazily).
    esbuildOptions(options, context) {
      if (context.format === 'cjs') options.supported = { ...options.supported, 'dynamic-import': false };
    },
    onSuccess: () => {
      const files = emitDeclarations();
      console.log(`DTS ${files.length} declaration files (.d.ts and .d.cts)`);
      return Promise.resolve();
    },
  };
});
