// A WUI team may use the reference server and the factories without installing msw: only testing/msw loads it.

import type * as TestingModule from '../testing';

type TestingEntry = typeof TestingModule;

const MSW_MISSING = "Cannot find module 'msw' (this test refuses to load it)";

function refuseMsw(): void {
  for (const name of ['msw', 'msw/node', 'msw/browser']) {
    jest.doMock(name, () => {
      throw new Error(MSW_MISSING);
    });
  }
}

describe('The testing entry without msw', () => {
  test('loads, starts a reference server and a test backend, and builds factories', async () => {
    let testing: TestingEntry | undefined;
    jest.isolateModules(() => {
      refuseMsw();
      testing = jest.requireActual<TestingEntry>('../testing');
    });
    if (testing === undefined) throw new Error('the testing entry did not load');

    expect(testing.buildUser({ name: 'Grace' }).name).toBe('Grace');
    const server = await testing.startReferenceServer({ port: 0, operationDurationMs: 0 });
    try {
      const response = await fetch(`${server.url}/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(testing.demoCredentials),
      });
      expect(response.status).toBe(200);
    } finally {
      await server.close();
    }
    const backend = await testing.createTestBackend();
    try {
      await expect(backend.signIn()).resolves.toMatchObject({ email: testing.demoCredentials.email });
    } finally {
      await backend.dispose();
    }
  });

  test('only the msw entry needs msw: loading it fails when msw is missing', () => {
    jest.isolateModules(() => {
      refuseMsw();
      expect(() => jest.requireActual<object>('../testing/msw')).toThrow(MSW_MISSING);
    });
  });
});
