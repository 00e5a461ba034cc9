import { http, HttpResponse } from 'msw';
import { createBackendHandler } from '../backend-handler';
import { isBackendError } from '../errors/backend-error';
import { buildUser } from '../testing/factories';
import { API, server, setup, useMockApi } from './support/setup';

useMockApi();

describe('backend handler lifecycle', () => {
  it('refuses to start a second handler on the same bridge, which would answer every request twice', () => {
    const { bridge } = setup();
    const second = createBackendHandler({ bridge, environment: { apiBaseUrl: API, logLevel: 'silent' } });

    const thrown = (() => {
      try {
        second.start();
        return undefined;
      } catch (error) {
        return error;
      }
    })();

    expect(isBackendError(thrown) && thrown.code).toBe('CONFIG');
    expect(second.running).toBe(false);
    // The first handler still answers.
    server.use(http.get(`${API}/users/me`, () => HttpResponse.json(buildUser({ name: 'Grace' }))));
    return expect(bridge.request('loadUser')).resolves.toMatchObject({ name: 'Grace' });
  });

  it('lets another handler take over once the first is stopped', async () => {
    server.use(http.get(`${API}/users/me`, () => HttpResponse.json(buildUser({ name: 'Grace' }))));
    const { bridge, handler } = setup();
    handler.stop();
    // No live stream: the mock API serves none, and it would retry for ever after the test.
    const next = createBackendHandler({ bridge, environment: { apiBaseUrl: API, logLevel: 'silent' }, stream: false });
    next.start();

    try {
      await expect(bridge.request('loadUser')).resolves.toMatchObject({ name: 'Grace' });
      expect(next.getState()?.name).toBe('Grace');
      expect(handler.getState()).toBeNull();
    } finally {
      next.stop();
    }
  });

  it('hands out a frozen state: a listener cannot change the tree behind the handler', async () => {
    server.use(http.get(`${API}/users/me`, () => HttpResponse.json(buildUser())));
    const { bridge, handler } = setup();

    const user = await bridge.request('loadUser');

    expect(user).toBe(handler.getState());
    expect(() => {
      (user as { name: string }).name = 'Mallory';
    }).toThrow(TypeError);
    expect(() => {
      (user.tenants as unknown[]).push({});
    }).toThrow(TypeError);
    expect(handler.getState()?.name).toBe('Ada');
  });
});
