import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as contract from '../contract';
import * as root from '../index';
import * as react from '../react';
import * as schemas from '../schemas';
import * as testing from '../testing';
import * as jestPreset from '../testing/jest-preset';
import * as testingMsw from '../testing/msw';
import * as vue from '../vue';

const repo = path.join(__dirname, '..');
const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
const packageJson = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
  exports: Record<string, unknown>;
};

const entries = {
  'aurora-backend-handler': root,
  'aurora-backend-handler/schemas': schemas,
  'aurora-backend-handler/contract': contract,
  'aurora-backend-handler/react': react,
  'aurora-backend-handler/vue': vue,
  'aurora-backend-handler/testing': testing,
  'aurora-backend-handler/testing/msw': testingMsw,
  'aurora-backend-handler/testing/jest-preset': jestPreset,
} as const;

/** The README's "Package" section, up to the next section. */
function packageSection(): string {
  const start = readme.indexOf('\n## Package\n');
  const end = readme.indexOf('\n## ', start + 1);
  expect(start).toBeGreaterThan(-1);
  return readme.slice(start, end === -1 ? undefined : end);
}

/** The names README lists for an entry: every identifier in `code` of its bullet (which ends at a blank line). */
function readmeList(entry: string): string[] {
  const bullets = packageSection().split(/\n(?=- )|\n\n/);
  const bullet = bullets.find((text) => text.startsWith(`- **\`${entry}\`**`));
  expect(bullet).toBeDefined();
  const names = [...(bullet ?? '').matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '');
  return [...new Set(names.filter((name) => /^[A-Za-z_$][\w$]*$/.test(name)))];
}

/** The runtime names among those README lists for an entry (it names types such as `User` too). */
function listedRuntimeNames(entry: string, runtime: readonly string[]): string[] {
  return readmeList(entry).filter((name) => runtime.includes(name));
}

const isZodSchema = (value: unknown) => typeof value === 'object' && value !== null && '_zod' in value;

describe('package entry points', () => {
  it('package.json exports the eight entries and package.json, nothing else', () => {
    const subpaths = Object.keys(entries).map((entry) => entry.replace('aurora-backend-handler', '.'));
    expect(Object.keys(packageJson.exports).sort()).toEqual([...subpaths, './package.json'].sort());
  });

  it('the root entry has at most 40 runtime exports', () => {
    expect(Object.keys(root).length).toBeLessThanOrEqual(40);
  });

  it('the root entry exports no zod schema and nothing of the REST contract', () => {
    const schemasAtRoot = Object.entries(root).filter(([, value]) => isZodSchema(value));
    expect(schemasAtRoot.map(([name]) => name)).toEqual([]);
    for (const name of Object.keys(contract)) expect(root).not.toHaveProperty(name);
  });

  it('every runtime export of ./schemas is a zod schema, except the filter operators and the request declarations', () => {
    const notSchemas = Object.entries(schemas).filter(([, value]) => !isZodSchema(value));
    expect(notSchemas.map(([name]) => name).sort()).toEqual(['FILTER_OPERATORS', 'REQUEST_DOMAINS', 'requests']);
  });

  it.each([
    'aurora-backend-handler',
    'aurora-backend-handler/contract',
    'aurora-backend-handler/vue',
    'aurora-backend-handler/react',
    'aurora-backend-handler/testing',
    'aurora-backend-handler/testing/msw',
    'aurora-backend-handler/testing/jest-preset',
  ] as const)('README lists every runtime export of %s, and no other', (entry) => {
    const runtime = Object.keys(entries[entry]).sort();
    expect(listedRuntimeNames(entry, runtime).sort()).toEqual(runtime);
    const notExported = readmeList(entry).filter(
      (name) => !runtime.includes(name) && /^(?:[a-z]|[A-Z][A-Z_]+$)/.test(name),
    );
    expect(notExported).toEqual([]);
  });

  it("every schema README lists for ./schemas is exported, and README gives the root's export count", () => {
    const runtime = Object.keys(schemas);
    const listed = readmeList('aurora-backend-handler/schemas').filter((name) => /Schema$|^[A-Z_]+$/.test(name));
    expect(listed.filter((name) => !runtime.includes(name))).toEqual([]);
    expect(packageSection()).toContain(`**\`aurora-backend-handler\`** (${Object.keys(root).length} runtime exports`);
  });
});
