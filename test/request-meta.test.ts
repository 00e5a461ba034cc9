import type { RequestMeta } from '../event-names';
import { isBackendError } from '../errors/backend-error';
import { setup, useMockApi } from './support/setup';

useMockApi();

/** Meta as a plain-JS caller might pass it, past the types. */
const untyped = (meta: unknown): RequestMeta => meta as RequestMeta;

function thrownBy(run: () => unknown): unknown {
  try {
    run();
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('request meta from untyped callers', () => {
  it.each([
    ['a numeric requestId', { requestId: 42 }, 'meta.requestId'],
    ['an empty requestId', { requestId: '' }, 'meta.requestId'],
    ['a requestId of 129 characters', { requestId: 'r'.repeat(129) }, 'meta.requestId'],
    ['a signal that is not an AbortSignal', { signal: { aborted: false } }, 'meta.signal'],
  ])('refuses %s with a VALIDATION error and sends nothing', (_case, meta, path) => {
    const { bridge, log } = setup();

    const error = thrownBy(() => bridge.emit('loadUser', undefined, untyped(meta)));

    expect(isBackendError(error) && { code: error.code, paths: error.details.map((detail) => detail.path) }).toEqual({
      code: 'VALIDATION',
      paths: [path],
    });
    expect(log.names()).toEqual([]);
  });

  it.each([
    ['a signal that is not an AbortSignal', { signal: 'abort' }, 'options.signal'],
    ['a negative timeout', { timeoutMs: -5 }, 'options.timeoutMs'],
    ['a timeout that is not a number', { timeoutMs: '10s' }, 'options.timeoutMs'],
    ['an unknown until', { until: 'done' }, 'options.until'],
    ['an empty requestId', { requestId: '' }, 'options.requestId'],
  ])('rejects request() given %s with a VALIDATION error, listening to nothing', async (_case, options, path) => {
    const { bridge } = setup();
    const before = bridge.listenerCount('loadUser:success');

    await expect(bridge.request('loadUser', undefined, options as never)).rejects.toMatchObject({
      code: 'VALIDATION',
      details: [{ path }],
    });
    expect(bridge.listenerCount('loadUser:success')).toBe(before);
  });
});
