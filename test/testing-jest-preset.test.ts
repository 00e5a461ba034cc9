import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import preset, { jestPreset } from '../testing/jest-preset';

const ignored = (path: string): boolean =>
  preset.transformIgnorePatterns.some((pattern) => new RegExp(pattern).test(path));

describe('The jest preset of the testing entry', () => {
  test('is the default export jest reads, and the named export a config spreads', () => {
    expect(preset).toBe(jestPreset);
  });

  test('transpiles the ESM-only dependencies of msw, hoisted or nested, and leaves other packages alone', () => {
    expect(ignored('/app/node_modules/rettime/build/index.mjs')).toBe(false);
    expect(ignored('/app/node_modules/msw/node_modules/until-async/lib/index.js')).toBe(false);
    expect(ignored('/app/node_modules/@open-draft/deferred-promise/build/index.mjs')).toBe(false);
    expect(ignored('/app/node_modules/axios/index.js')).toBe(true);
    expect(ignored('/app/node_modules/msw/lib/core/index.js')).toBe(true);
    expect(ignored('/app/src/profile.test.ts')).toBe(false);
  });

  test('lets through every dependency of the installed msw that ships ES modules only', () => {
    interface Manifest {
      name: string;
      type?: string;
      dependencies?: Record<string, string>;
      exports?: unknown;
    }
    const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    const manifestOf = (name: string): Manifest => {
      const nested = join('node_modules', 'msw', 'node_modules', name, 'package.json');
      return read(existsSync(nested) ? nested : join('node_modules', name, 'package.json'));
    };
    // Never loaded by msw's handlers or msw/node: the `msw init` command's prompt, and types only.
    const notAtRuntime = new Set(['@inquirer/confirm', 'type-fest']);
    // ES modules only: "type": "module" and no "require" condition anywhere in its exports.
    const esmOnly = Object.keys(read(join('node_modules', 'msw', 'package.json')).dependencies ?? {})
      .filter((name) => !notAtRuntime.has(name))
      .map(manifestOf)
      .filter((pkg) => pkg.type === 'module' && !JSON.stringify(pkg.exports ?? {}).includes('"require"'))
      .map((pkg) => pkg.name);

    expect(esmOnly).toContain('rettime');
    for (const name of esmOnly) expect(ignored(`/app/node_modules/${name}/index.js`)).toBe(false);
  });
});
