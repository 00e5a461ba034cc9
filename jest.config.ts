/** @jest-config-loader-options {"transpileOnly": true, "project": "./tsconfig.jest.json"} */
import type { Config } from 'jest';

const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    // Type checking is done once by `npm run typecheck`; here ts-jest only transpiles, which keeps jest fast.
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }],
    // A few of msw's dependencies ship ESM only; Node 20 cannot require() them, so jest transpiles them to CJS.
    '^.+\\.m?js$': [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'CommonJS', verbatimModuleSyntax: false, isolatedModules: true } },
    ],
  },
  transformIgnorePatterns: [
    '/node_modules/(?!(msw/node_modules/)?(rettime|until-async|@open-draft/deferred-promise)/)',
  ],
  maxWorkers: 2,
  restoreMocks: true,
  // `npm run test:unit` measures coverage: a summary on the console, and coverage/ for CI and editors (lcov,
  // json-summary). No HTML report: it is the slowest reporter and nobody reads it in CI.
  coverageDirectory: 'coverage',
  coverageReporters: ['text-summary', 'json-summary', 'lcovonly'],
  collectCoverageFrom: [
    'handler/**/*.ts',
    'bindings/**/*.ts',
    'bridge/**/*.ts',
    'requests/**/*.ts',
    'log/**/*.ts',
    'testing/**/*.ts',
    '*.ts',
    'api/**/*.ts',
    'interfaces/**/*.ts',
    'errors/**/*.ts',
    'state/**/*.ts',
    '!jest.config.ts',
    '!tsup.config.ts',
    '!eslint.config.ts',
  ],
};

export default config;
