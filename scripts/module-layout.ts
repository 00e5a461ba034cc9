// Where each source module lands in dist/ in the module-preserving build, shared by the JavaScript build
// (tsup.config.ts) and the declaration emit (scripts/emit-declarations.ts) so both agree file by file.
// A module keeps its path (api/http/transport.ts -> dist/api/http/transport.js); an entry may be renamed so the
// package's entry files sit at the top of dist/ (testing/index.ts -> dist/testing.js).
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The package's entry points: output name (without extension) -> source file, relative to the root. */
export const ENTRIES: Readonly<Record<string, string>> = {
  index: 'index.ts',
  schemas: 'schemas.ts',
  contract: 'contract.ts',
  react: 'react.ts',
  vue: 'vue.ts',
  testing: 'testing/index.ts',
  'testing/msw': 'testing/msw.ts',
  'testing/jest-preset': 'testing/jest-preset.ts',
};

const renamed = new Map(Object.entries(ENTRIES).map(([name, source]) => [source, name]));

const toPosix = (file: string) => file.split(path.sep).join('/');

/** The output path of a source module, relative to dist/ and without extension: `api/http/transport`. */
export function outputName(sourceFile: string): string {
  const relative = toPosix(path.relative(root, sourceFile));
  return renamed.get(relative) ?? relative.replace(/\.ts$/, '');
}

/** The source file a relative specifier written in `importer` points at, or undefined when there is none. */
export function resolveSource(importer: string, specifier: string): string | undefined {
  const target = path.resolve(path.dirname(importer), specifier.replace(/\.js$/, ''));
  return [`${target}.ts`, path.join(target, 'index.ts')].find(
    (candidate) => existsSync(candidate) && statSync(candidate).isFile(),
  );
}

/** The specifier that reaches `targetSource`'s output from `importerSource`'s output, with its extension. */
export function outputSpecifier(importerSource: string, targetSource: string, extension: string): string {
  const from = path.posix.dirname(outputName(importerSource));
  const relative = path.posix.relative(from, outputName(targetSource));
  return `${relative.startsWith('.') ? '' : './'}${relative}${extension}`;
}

/**
 * Every library source module the entries reach at run time (type-only imports excluded), as absolute paths:
 * the JavaScript build compiles each of them to its own file.
 */
export async function runtimeModules(): Promise<string[]> {
  const result = await build({
    entryPoints: Object.values(ENTRIES).map((source) => path.join(root, source)),
    absWorkingDir: root,
    bundle: true,
    write: false,
    metafile: true,
    outdir: 'out',
    platform: 'neutral',
    format: 'esm',
    packages: 'external',
    external: ['node:*'],
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs)
    .filter((input) => input.endsWith('.ts'))
    .map((input) => path.join(root, input))
    .sort();
}

/**
 * esbuild plugin: every import stays an import. A relative one is rewritten to the importer's sibling output
 * file (`./x` -> `./x.js` in ESM, `./x.cjs` in CommonJS); a package or Node built-in is left to the consumer.
 */
export function preserveModules(): Plugin {
  return {
    name: 'preserve-modules',
    setup(pluginBuild) {
      const extension = pluginBuild.initialOptions.format === 'cjs' ? '.cjs' : '.js';
      pluginBuild.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        if (!args.path.startsWith('.')) return { path: args.path, external: true };
        const target = resolveSource(args.importer, args.path);
        if (target === undefined) {
          return { errors: [{ text: `Cannot resolve ${args.path} from ${path.relative(root, args.importer)}` }] };
        }
        return { path: outputSpecifier(args.importer, target, extension), external: true };
      });
    },
  };
}
