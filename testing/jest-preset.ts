// The jest preset of the testing package (`preset: 'aurora-backend-handler/testing'`): what a jest 30 + ts-jest
// project needs to run a WUI's tests against the reference API, msw handlers included.

/** Packages msw 2 depends on that ship ES modules only: jest (CommonJS) must transpile them. */
const ESM_ONLY_PACKAGES = ['rettime', 'until-async', '@open-draft/deferred-promise'] as const;

/** The part of a jest config this preset sets. */
export interface JestPreset {
  testEnvironment: string;
  transform: Record<string, [string, Record<string, unknown>]>;
  transformIgnorePatterns: string[];
}

/**
 * ts-jest transpiles the project's TypeScript, and the ESM-only dependencies of msw to CommonJS (Node 20
 * cannot `require()` them); every other package in node_modules is left alone.
 */
export const jestPreset: JestPreset = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.tsx?$': ['ts-jest', {}],
    '^.+\\.m?js$': [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'CommonJS', verbatimModuleSyntax: false, isolatedModules: true } },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(msw/node_modules/)?(${ESM_ONLY_PACKAGES.join('|')})/)`],
};

// jest reads the default export; a config of one's own spreads `jestPreset`.
export default jestPreset;
