// Declarations of the module-preserving build: one .d.ts per source module, next to its .js, and a .d.cts twin
// next to each .cjs. The TypeScript compiler emits them without bundling, so a named type is printed once, in
// its own module. Relative specifiers are rewritten like the JavaScript's (scripts/module-layout.ts): the
// sources import without extensions, and Node's ESM resolution (attw's node16 check) needs `./x.js` / `./x.cjs`.
// Only the declarations an entry's declarations reach are written: the others describe internals no consumer
// can name.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { ENTRIES, outputName, outputSpecifier, resolveSource, root } from './module-layout';

// `from './x'`, `import './x'`, `import('./x')` and the `import(".")` declaration emit prints for inferred types.
const RELATIVE_SPECIFIER = /(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)(["'])(\.\.?(?:\/[^"']*)?)\2/g;

interface Declaration {
  source: string;
  text: string;
  targets: Set<string>;
}

function parseDeclaration(source: string, text: string): Declaration {
  const targets = new Set<string>();
  for (const match of text.matchAll(RELATIVE_SPECIFIER)) {
    const specifier = match[3] ?? '';
    const target = resolveSource(source, specifier);
    if (target === undefined) {
      throw new Error(`${path.relative(root, source)}: cannot resolve ${specifier} in its declarations`);
    }
    targets.add(target);
  }
  return { source, text, targets };
}

function rewrite({ source, text }: Declaration, extension: string): string {
  return text.replace(RELATIVE_SPECIFIER, (_match, lead: string, quote: string, specifier: string) => {
    const target = resolveSource(source, specifier) ?? specifier;
    return `${lead}${quote}${outputSpecifier(source, target, extension)}${quote}`;
  });
}

function compile(): Map<string, Declaration> {
  const configFile = ts.readConfigFile(path.join(root, 'tsconfig.json'), (file) => ts.sys.readFile(file));
  const config: unknown = configFile.config;
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
  const virtualOut = path.join(root, '.declarations');
  const program = ts.createProgram({
    rootNames: Object.values(ENTRIES).map((source) => path.join(root, source)),
    options: {
      ...options,
      types: ['node'],
      noEmit: false,
      declaration: true,
      emitDeclarationOnly: true,
      declarationMap: false,
      rootDir: root,
      outDir: virtualOut,
    },
  });
  const declarations = new Map<string, Declaration>();
  const emitted = program.emit(undefined, (fileName, text) => {
    const source = path.join(root, path.relative(virtualOut, fileName)).replace(/\.d\.ts$/, '.ts');
    declarations.set(source, parseDeclaration(source, text));
  });
  const errors = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics].filter(
    (diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error,
  );
  if (errors.length > 0) {
    const host = {
      getCanonicalFileName: (file: string) => file,
      getCurrentDirectory: () => root,
      getNewLine: () => '\n',
    };
    throw new Error(`Declaration emit failed:\n${ts.formatDiagnostics(errors, host)}`);
  }
  return declarations;
}

/** Emits the declarations every entry reaches into `outDir` (default dist/); returns the files written. */
export function emitDeclarations(outDir = path.join(root, 'dist')): string[] {
  const declarations = compile();
  const reached = new Set<string>();
  const pending = Object.values(ENTRIES).map((source) => path.join(root, source));
  for (let source = pending.pop(); source !== undefined; source = pending.pop()) {
    const declaration = declarations.get(source);
    if (reached.has(source) || declaration === undefined) continue;
    reached.add(source);
    pending.push(...declaration.targets);
  }
  const written: string[] = [];
  for (const source of [...reached].sort()) {
    const declaration = declarations.get(source);
    if (declaration === undefined) continue;
    const base = path.join(outDir, outputName(source));
    mkdirSync(path.dirname(base), { recursive: true });
    for (const [extension, suffix] of [
      ['.js', '.d.ts'],
      ['.cjs', '.d.cts'],
    ] as const) {
      writeFileSync(`${base}${suffix}`, rewrite(declaration, extension));
      written.push(`${base}${suffix}`);
    }
  }
  return written;
}
