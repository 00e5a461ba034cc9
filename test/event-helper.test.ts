import { isBackendError } from '../errors/backend-error';
import { createWUIBridge } from '../event-helper';
import type { OutcomeMeta, StateChangeMeta } from '../event-names';
import { buildUser } from '../testing/factories';
import { settleAll } from './support/http-abort';

const STATE_META: StateChangeMeta = { requestId: 'req-1', name: 'loadUser' };

/** A bridge whose listener errors are collected as `[event, error]`. */
function bridgeWithErrors() {
  const listenerErrors: Array<[string, unknown]> = [];
  const bridge = createWUIBridge({ onListenerError: (error, event) => listenerErrors.push([event, error]) });
  // The handler's events are emitted through a claim, as a handler does; this one claims no request.
  const { notify } = bridge.claim([], () => undefined);
  return { bridge, listenerErrors, notify };
}

/** Records the outcome events of updateUser only, so that no listener of the request event exists. */
function recordOutcomes(bridge: ReturnType<typeof createWUIBridge>) {
  const outcomes: Array<[string, unknown, OutcomeMeta]> = [];
  bridge.on('updateUser:success', (user, meta) => void outcomes.push(['updateUser:success', user, meta]));
  bridge.on('updateUser:error', (error, meta) => void outcomes.push(['updateUser:error', error, meta]));
  return outcomes;
}

describe('WUIBridge listeners', () => {
  it('calls an on() listener on every emit until its unsubscribe runs, and a second unsubscribe is harmless', () => {
    const { bridge, notify } = bridgeWithErrors();
    const seen: unknown[] = [];
    const off = bridge.on('state:changed', (state) => void seen.push(state?.name ?? null));

    notify('state:changed', buildUser({ name: 'Ada' }), STATE_META);
    notify('state:changed', null, STATE_META);
    off();
    off();
    notify('state:changed', buildUser({ name: 'Grace' }), STATE_META);

    expect(seen).toEqual(['Ada', null]);
    expect(bridge.listenerCount('state:changed')).toBe(0);
  });

  it('calls a once() listener on the next event only, then removes it', () => {
    const { bridge, notify } = bridgeWithErrors();
    const seen: unknown[] = [];
    bridge.once('state:changed', (state) => void seen.push(state?.name));

    expect(bridge.listenerCount('state:changed')).toBe(1);
    notify('state:changed', buildUser({ name: 'Ada' }), STATE_META);
    notify('state:changed', buildUser({ name: 'Grace' }), STATE_META);

    expect(seen).toEqual(['Ada']);
    expect(bridge.listenerCount('state:changed')).toBe(0);
  });

  it('removes a once() listener whose unsubscribe runs before the event', () => {
    const { bridge, notify } = bridgeWithErrors();
    const seen: unknown[] = [];
    const off = bridge.once('state:changed', (state) => void seen.push(state));

    off();
    notify('state:changed', null, STATE_META);

    expect(seen).toEqual([]);
    expect(bridge.listenerCount('state:changed')).toBe(0);
  });

  it('off() removes every registration of a listener for that event and leaves other events alone', () => {
    const { bridge, notify } = bridgeWithErrors();
    const seen: string[] = [];
    const listener = (): void => void seen.push('called');
    bridge.on('state:changed', listener);
    bridge.once('state:changed', listener);
    bridge.on('loadUser:error', listener);

    bridge.off('state:changed', listener);
    notify('state:changed', null, STATE_META);

    expect(seen).toEqual([]);
    expect(bridge.listenerCount('state:changed')).toBe(0);
    expect(bridge.listenerCount('loadUser:error')).toBe(1);
  });

  it('keeps calling the other listeners when one throws, and reports the error with its event', () => {
    const { bridge, listenerErrors, notify } = bridgeWithErrors();
    const order: string[] = [];
    const failure = new Error('listener bug');
    bridge.on('state:changed', () => void order.push('first'));
    bridge.on('state:changed', () => {
      order.push('throws');
      throw failure;
    });
    bridge.on('state:changed', () => void order.push('last'));

    notify('state:changed', null, STATE_META);

    expect(order).toEqual(['first', 'throws', 'last']);
    expect(listenerErrors).toEqual([['state:changed', failure]]);
  });

  it('reports a listener whose promise rejects to onListenerError instead of leaving the rejection unhandled', async () => {
    const { bridge, listenerErrors, notify } = bridgeWithErrors();
    const order: string[] = [];
    const failure = new Error('async listener bug');
    const asyncListener = async (): Promise<void> => {
      order.push('async');
      await Promise.resolve();
      throw failure;
    };
    bridge.on('state:changed', asyncListener);
    bridge.on('state:changed', () => void order.push('sync'));

    notify('state:changed', null, STATE_META);
    await settleAll(1);

    expect(order).toEqual(['async', 'sync']);
    expect(listenerErrors).toEqual([['state:changed', failure]]);
  });

  it('reports listener errors with console.error when no onListenerError is given', () => {
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const bridge = createWUIBridge();
    const failure = new Error('listener bug');
    bridge.on('loadUser:error', () => {
      throw failure;
    });

    bridge.emit('loadUser');

    expect(consoleError.mock.calls).toEqual([['[aurora] a listener of "loadUser:error" failed', failure]]);
  });
});

describe('WUIBridge requests without a handler', () => {
  it('answers a request at once with a CONFIG <op>:error carrying the given requestId', () => {
    const { bridge } = bridgeWithErrors();
    const outcomes = recordOutcomes(bridge);

    const requestId = bridge.emit('updateUser', { name: 'Ada' }, { requestId: 'req-given' });

    expect(requestId).toBe('req-given');
    expect(outcomes).toEqual([
      ['updateUser:error', expect.objectContaining({ code: 'CONFIG', requestId: 'req-given' }), expect.anything()],
    ]);
    expect(outcomes[0]?.[2]).toEqual({ requestId: 'req-given', name: 'updateUser', durationMs: 0 });
    expect(isBackendError(outcomes[0]?.[1])).toBe(true);
  });

  it('generates a distinct requestId for each request emitted without one, and answers with it', () => {
    const { bridge } = bridgeWithErrors();
    const outcomes = recordOutcomes(bridge);

    const first = bridge.emit('updateUser', { name: 'Ada' });
    const second = bridge.emit('updateUser', { name: 'Ada' });

    expect(first).toEqual(expect.stringMatching(/\S{8,}/));
    expect(second).not.toBe(first);
    expect(outcomes.map(([event, , meta]) => [event, meta.requestId])).toEqual([
      ['updateUser:error', first],
      ['updateUser:error', second],
    ]);
  });

  it('rejects request() at once with CONFIG and removes the listeners it added', async () => {
    const { bridge } = bridgeWithErrors();

    await expect(bridge.request('loadUser', undefined, { requestId: 'req-lonely' })).rejects.toMatchObject({
      code: 'CONFIG',
      requestId: 'req-lonely',
    });
    expect(bridge.eventNames()).toEqual([]);
  });

  it('still answers with CONFIG when a listener only observes the request event (e.g. a devtools log)', async () => {
    const { bridge } = bridgeWithErrors();
    bridge.on('loadUser', () => undefined);

    // timeoutMs only keeps a missing outcome from hanging the test.
    const outcome = bridge.request('loadUser', undefined, { requestId: 'req-observed', timeoutMs: 50 });

    await expect(outcome).rejects.toMatchObject({ code: 'CONFIG', requestId: 'req-observed' });
  });
});

describe('WUIBridge introspection', () => {
  it('eventNames() lists exactly the events with listeners and listenerCount() counts each', () => {
    const { bridge } = bridgeWithErrors();
    expect(bridge.eventNames()).toEqual([]);

    const offA = bridge.on('loadUser:success', () => undefined);
    bridge.on('loadUser:success', () => undefined);
    const offB = bridge.once('state:changed', () => undefined);

    expect([...bridge.eventNames()].sort()).toEqual(['loadUser:success', 'state:changed']);
    expect(bridge.listenerCount('loadUser:success')).toBe(2);
    expect(bridge.listenerCount('state:changed')).toBe(1);
    expect(bridge.listenerCount('updateUser')).toBe(0);

    offA();
    offB();
    expect(bridge.eventNames()).toEqual(['loadUser:success']);
    expect(bridge.listenerCount('loadUser:success')).toBe(1);
  });
});
