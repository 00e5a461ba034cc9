// The one way the playground and the example apps are bundled for the browser: ESM, minified, with source
// maps, importing the library by its package name aliased to the BUILT dist/ (as an app installing the
// package gets it), and the frameworks' production builds (Vue, React) as an app's bundler would pick them.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const dist = fileURLToPath(new URL('../dist', import.meta.url));

/** Bundles `entryPoints` into `outdir`; resolves with esbuild's result (its metafile included). */
export function buildBrowserApp({ entryPoints, outdir }) {
  return build({
    entryPoints,
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    jsx: 'automatic',
    // `aurora-backend-handler` is dist/index.js, `aurora-backend-handler/vue` dist/vue.js, and so on.
    alias: { 'aurora-backend-handler': dist },
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'false',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    // Not a tsconfig: their `paths` point the type checker at the library's source, the bundle uses the build.
    tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true, jsx: 'react-jsx' } },
    logLevel: 'warning',
    metafile: true,
  });
}

export const libraryEntry = join(dist, 'index.js');
