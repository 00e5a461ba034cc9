import path from 'node:path';
import ts from 'typescript';

// What a WUI developer reads in tooltips and errors: the type checker's own printing of the public types.

const root = path.resolve(__dirname, '..');
const probeFile = path.join(root, 'test', '__type-names-probe__.ts');
const probe = `
import type * as Models from '../interfaces';
import type * as Contract from '../api/contract/user-routes';
import type { ListResponse } from '../api/contract/list-query';
import type { listResponseSchema } from '../api/contract/list-query';
import type { z } from 'zod';
import type { routes } from '../api/contract/index';
import type { RouteResponse } from '../api/contract/define-route';
export type { Models, Contract };
export declare const pageOfServices: ListResponse<Models.Service>;
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const pageMatchesSchema: Same<
  ListResponse<Models.Service>,
  z.output<ReturnType<typeof listResponseSchema<typeof Models.ServiceSchema>>>
> = true;
export type RouteResponses = { [K in keyof typeof routes]: RouteResponse<(typeof routes)[K]> };
`;
const contractFiles = [
  'account-routes',
  'environment-routes',
  'organization-routes',
  'resource-routes',
  'service-inputs',
  'service-routes',
  'service-spec',
  'tenant-routes',
  'user-routes',
].map((name) => path.join(root, 'api', 'contract', `${name}.ts`));

function createChecker(): { checker: ts.TypeChecker; program: ts.Program } {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (config === undefined) throw new Error('tsconfig.json could not be read');
  const host = ts.createCompilerHost(config.options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (file) => file === probeFile || fileExists(file);
  host.readFile = (file) => (file === probeFile ? probe : readFile(file));
  host.getSourceFile = (file, language, ...rest) =>
    file === probeFile ? ts.createSourceFile(file, probe, language, true) : getSourceFile(file, language, ...rest);
  const program = ts.createProgram([probeFile, ...contractFiles], config.options, host);
  return { checker: program.getTypeChecker(), program };
}

const { checker, program } = createChecker();
const print = (type: ts.Type): string => checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation);

function moduleExports(file: string): ts.Symbol[] {
  const source = program.getSourceFile(file);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (moduleSymbol === undefined) throw new Error(`${file} is not a module`);
  return checker.getExportsOfModule(moduleSymbol);
}

function exportedType(file: string, name: string): ts.Type {
  const symbol = moduleExports(file).find((candidate) => candidate.name === name);
  if (symbol === undefined) throw new Error(`${name} is not exported by ${file}`);
  return checker.getDeclaredTypeOfSymbol(symbol);
}

/** Interfaces exported by `file`, resolving re-exports. */
function exportedInterfaces(file: string): ts.Symbol[] {
  return moduleExports(file)
    .map((symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol))
    .filter((symbol) => (symbol.flags & ts.SymbolFlags.Interface) !== 0);
}

/** Properties whose own object shape is part of the model and has no name of its own. */
const INLINE_SHAPES = new Set([
  'Operation.target',
  'Operation.error',
  ...['cpu', 'memory', 'storage', 'volatileStorage', 'nonReplicatedStorage', 'persistentStorage'].map(
    (metric) => `UsageLimit.${metric}`,
  ),
]);

describe('type names a WUI developer reads', () => {
  const models = exportedInterfaces(path.join(root, 'interfaces', 'index.ts'));

  it('every model is an interface, so tooltips and errors print its name', () => {
    expect(models.map((symbol) => symbol.name).sort()).toEqual(
      expect.arrayContaining(['Account', 'Container', 'Instance', 'Operation', 'Service', 'Tenant', 'Token', 'User']),
    );
    for (const symbol of models) expect(print(checker.getDeclaredTypeOfSymbol(symbol))).toBe(symbol.name);
  });

  it('a model nested in another prints by name (a tenant has Service[], not the service shape)', () => {
    const spelledOut = models.flatMap((symbol) =>
      checker
        .getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol))
        .map((property) => [`${symbol.name}.${property.name}`, print(checker.getTypeOfSymbol(property))] as const)
        .filter(([where, printed]) => printed.includes('{') && !INLINE_SHAPES.has(where)),
    );
    expect(spelledOut).toEqual([]);
    const tenant = exportedType(path.join(root, 'interfaces', 'tenant-interface.ts'), 'Tenant');
    const services = tenant.getProperty('services');
    expect(services && print(checker.getTypeOfSymbol(services))).toBe('Service[]');
  });

  it('every route answers a named type, undefined, bytes, or a page of a named type', () => {
    const responses = exportedType(probeFile, 'RouteResponses');
    const printed = checker
      .getPropertiesOfType(responses)
      .map((route) => [route.name, print(checker.getTypeOfSymbol(route))] as const);
    expect(printed.length).toBeGreaterThan(40);
    // The live stream answers one event at a time of the LiveEvent union, which only the stream client reads.
    const unnamed = printed.filter(
      ([name, text]) =>
        name !== 'streamEvents' &&
        !/^(?:[A-Z]\w*|undefined|ArrayBuffer|\{ items: [A-Z]\w*\[\]; totalCount: number; \})$/.test(text),
    );
    expect(unnamed).toEqual([]);
    expect(Object.fromEntries(printed)).toMatchObject({ loadUser: 'User', deployService: 'Operation' });
  });

  it('a page of a list prints as ListResponse<Model> and is what listResponseSchema outputs', () => {
    const symbol = moduleExports(probeFile).find((candidate) => candidate.name === 'pageOfServices');
    if (symbol === undefined) throw new Error('the probe exports no pageOfServices');
    const page = checker.getTypeOfSymbol(symbol);
    expect(print(page)).toBe('ListResponse<Service>');
    const items = page.getProperty('items');
    expect(items && print(checker.getTypeOfSymbol(items))).toBe('Service[]');
    const diagnostics = ts.getPreEmitDiagnostics(program, program.getSourceFile(probeFile));
    expect(diagnostics.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))).toEqual([]);
  });

  it('every request input schema of the contract has a named input type of the same name', () => {
    for (const file of contractFiles) {
      const names = new Set(exportedInterfaces(file).map((symbol) => symbol.name));
      const inputSchemas = moduleExports(file)
        .map((symbol) => symbol.name)
        .filter((name) => name.endsWith('InputSchema'));
      expect(inputSchemas.filter((name) => !names.has(name.replace(/Schema$/, '')))).toEqual([]);
    }
    expect(print(exportedType(path.join(root, 'api', 'contract', 'user-routes.ts'), 'UpdateUserInput'))).toBe(
      'UpdateUserInput',
    );
  });
});
