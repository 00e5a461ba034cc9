import { expectTypeOf } from 'expect-type';
import { isBackendError, type BackendError } from '../errors/backend-error';
import { createWUIBridge } from '../event-helper';
import type { RequestInput, OutcomeMeta } from '../event-names';
import type { User } from '../interfaces/user-interface';
import { buildUser } from '../testing/factories';
import { setup, useMockApi } from './support/setup';

// Every `@ts-expect-error` below is proven by `npm run typecheck`: an unused one is itself a compile error.
// The runtime half of each test shows what the ill-typed call would do if a cast let it through.

useMockApi();

const codesOf = (errors: BackendError[]) => errors.map((error) => error.code);

describe('the typed event map', () => {
  it('does not compile an unknown event name for on, once, off or emit, which the bridge refuses to emit at runtime', () => {
    const bridge = createWUIBridge();
    const calls: unknown[][] = [];
    const listener = (...args: unknown[]): void => {
      calls.push(args);
    };

    // @ts-expect-error -- "user:loaded" is not an event of the map
    const off = bridge.on('user:loaded', listener);
    // @ts-expect-error -- "user:loaded" is not an event of the map
    bridge.once('user:loaded', listener);
    expect(bridge.eventNames()).toEqual(['user:loaded']);

    // @ts-expect-error -- "user:loaded" is not a request of the map
    expect(() => bridge.emit('user:loaded', 'payload')).toThrow(/not emitted/);
    expect(calls).toEqual([]);

    off();
    // @ts-expect-error -- "user:loaded" is not an event of the map
    bridge.off('user:loaded', listener);
    expect(bridge.eventNames()).toEqual([]);
  });

  it('does not compile request() of an unknown request, which rejects with CONFIG and leaves nothing behind', async () => {
    const bridge = createWUIBridge();

    // @ts-expect-error -- "fetchUser" is not an operation
    const pending = bridge.request('fetchUser');

    await expect(pending).rejects.toMatchObject({ code: 'CONFIG' });
    expect(bridge.eventNames()).toEqual([]);
    expect(bridge.inFlight).toBe(0);
  });

  it('does not compile a wrong updateUser payload, which the handler still rejects with VALIDATION', async () => {
    const { bridge, handler } = setup();
    const errors: BackendError[] = [];
    bridge.on('updateUser:error', (error) => {
      errors.push(error);
    });

    // @ts-expect-error -- name is a string
    bridge.emit('updateUser', { name: 42 });
    // @ts-expect-error -- nickname is not a field updateUser may change
    bridge.emit('updateUser', { nickname: 'Ada' });
    // @ts-expect-error -- updateUser needs an input
    bridge.emit('updateUser');
    // @ts-expect-error -- request() checks the payload too
    const pending = bridge.request('updateUser', { email: false });

    await expect(pending).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(codesOf(errors)).toEqual(['VALIDATION', 'VALIDATION', 'VALIDATION', 'VALIDATION']);
    handler.stop();
  });

  it('types loadUser as taking no input: passing one does not compile and is rejected at runtime', async () => {
    expectTypeOf<RequestInput<'loadUser'>>().toEqualTypeOf<undefined>();
    const { bridge, handler } = setup();

    // @ts-expect-error -- loadUser takes no input
    const pending = bridge.request('loadUser', { id: 'usr-1' });

    await expect(pending).rejects.toMatchObject({ code: 'VALIDATION' });
    handler.stop();
  });

  it('gives a success listener the request result and its OutcomeMeta', () => {
    const bridge = createWUIBridge();
    const received: unknown[][] = [];

    bridge.on('updateUser:success', (user, meta) => {
      expectTypeOf(user).toEqualTypeOf<User>();
      expectTypeOf(meta).toEqualTypeOf<OutcomeMeta<'updateUser'>>();
      expectTypeOf(meta.requestId).toEqualTypeOf<string>();
      expectTypeOf(meta.name).toEqualTypeOf<'updateUser'>();
      expectTypeOf(meta.durationMs).toEqualTypeOf<number>();
      received.push([user.name, meta]);
    });
    const claim = bridge.claim(['updateUser'], ({ requestId }) =>
      claim.succeed(requestId, buildUser({ name: 'Grace' })),
    );
    expect(() =>
      // @ts-expect-error -- outcome events are answered through a claim, never emitted by components
      bridge.emit('updateUser:success', buildUser(), { requestId: 'x', name: 'updateUser', durationMs: 0 }),
    ).toThrow(/not emitted/);
    bridge.emit('updateUser', { name: 'Grace' }, { requestId: 'req-1' });

    expect(bridge.listenerCount('updateUser:success')).toBe(1);
    expect(received).toEqual([
      ['Grace', { requestId: 'req-1', name: 'updateUser', durationMs: expect.any(Number) as number }],
    ]);
  });

  it('gives an error listener a BackendError, and rejects a listener expecting anything else', () => {
    const bridge = createWUIBridge();
    const received: BackendError[] = [];
    const strings: string[] = [];
    bridge.on('updateUser:error', (error, meta) => {
      expectTypeOf(error).toEqualTypeOf<BackendError>();
      expectTypeOf(meta.name).toEqualTypeOf<'updateUser'>();
      received.push(error);
    });
    // @ts-expect-error -- the payload of an error outcome is a BackendError, not a string
    const off = bridge.on('updateUser:error', (message: string) => {
      strings.push(message.trim());
    });
    off();

    const requestId = bridge.emit('updateUser', { name: 'Ada' });

    expect(received.map((error) => [isBackendError(error), error.code, error.requestId])).toEqual([
      [true, 'CONFIG', requestId],
    ]);
    expect(strings).toEqual([]);
  });

  it('types request() as resolving with the request result and emit() of a request as returning its id', async () => {
    const bridge = createWUIBridge();

    const pending = bridge.request('updateUser', { name: 'Ada' }, { requestId: 'req-typed' });
    const requestId = bridge.emit('updateUser', { name: 'Ada' }, { requestId: 'req-emitted' });
    // @ts-expect-error -- the handler's events are emitted through its claim, not by components
    expect(() => bridge.emit('state:changed', null, { requestId: 'req-state', name: 'loadUser' })).toThrow();

    expectTypeOf(pending).toEqualTypeOf<Promise<User>>();
    expectTypeOf(bridge.request<'loadUser'>).returns.resolves.toEqualTypeOf<User>();
    expectTypeOf(requestId).toEqualTypeOf<string>();
    expect(requestId).toBe('req-emitted');
    await expect(pending).rejects.toMatchObject({ code: 'CONFIG', requestId: 'req-typed' });
  });
});
