/** @jest-environment jsdom */
import { act, render, renderHook, screen } from '@testing-library/react';
import { useEffect, type ReactNode } from 'react';
import { BackendError } from '../errors/backend-error';
import type { OperationEventMeta } from '../event-names';
import type { Operation } from '../interfaces/operation-interface';
import { BackendProvider, useOperation, useRequest, type OperationSnapshot } from '../react';
import { buildOperation, buildUser } from '../testing/factories';
import { createFakeBackend, listenerCounts, type FakeBackend } from './support/fake-backend';
import { createOfflineBackend } from './support/offline-backend';

function wrapperOf(fake: FakeBackend) {
  return ({ children }: { children: ReactNode }) => (
    <BackendProvider backend={fake.backend}>{children}</BackendProvider>
  );
}

// StrictMode around the whole tree (a StrictMode inside the wrapper would not mount the effects twice).
const strict = { reactStrictMode: true } as const;

const SCALE = { tenantId: 'ten-1', serviceId: 'svc-1', minReplicas: 1, maxReplicas: 3 };

function operationMeta(requestId: string, operation: Operation): OperationEventMeta {
  return { requestId, name: 'scaleService', operationId: operation.id, target: operation.target };
}

describe('useRequest', () => {
  it('follows an execution from idle to pending to success, with execute and abort the same at every render', async () => {
    const fake = createFakeBackend();
    const { result, rerender } = renderHook(() => useRequest('updateUser'), { wrapper: wrapperOf(fake) });
    const { execute, abort } = result.current;
    expect(result.current).toMatchObject({ status: 'idle', data: undefined, error: undefined, requestId: undefined });

    let pending!: ReturnType<typeof execute>;
    act(() => {
      pending = execute({ name: 'Ada' });
    });
    const request = fake.last('updateUser');
    expect(result.current).toMatchObject({ status: 'pending', requestId: request.requestId });
    expect(request.input).toEqual({ name: 'Ada' });

    const user = buildUser({ name: 'Ada' });
    await act(async () => {
      fake.claim.succeed(request.requestId, user);
      await pending;
    });
    await expect(pending).resolves.toEqual({ ok: true, data: user });
    expect(result.current).toMatchObject({ status: 'success', data: user, error: undefined });
    rerender();
    expect(result.current.execute).toBe(execute);
    expect(result.current.abort).toBe(abort);
  });

  it('resolves a typed VALIDATION error with its field details from the real handler, and never rejects', async () => {
    const backend = createOfflineBackend();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <BackendProvider backend={backend}>{children}</BackendProvider>
    );
    const { result } = renderHook(() => useRequest('scaleService'), { wrapper });

    let outcome: Awaited<ReturnType<typeof result.current.execute>> | undefined;
    await act(async () => {
      outcome = await result.current.execute({ ...SCALE, minReplicas: 4, maxReplicas: 2 });
    });
    backend.handler.stop();

    expect(outcome?.ok).toBe(false);
    const error = result.current.error;
    expect(error).toBeInstanceOf(BackendError);
    expect(error?.code).toBe('VALIDATION');
    expect(error?.details).toEqual([{ path: 'maxReplicas', message: 'must not be less than minReplicas' }]);
    expect(result.current.status).toBe('error');
  });

  it('aborts the request in flight when the component unmounts: CANCELLED, and every listener count back at its baseline', async () => {
    const fake = createFakeBackend();
    const baseline = listenerCounts(fake.bridge);
    const { result, unmount } = renderHook(() => useRequest('loadUser'), { wrapper: wrapperOf(fake) });
    let pending!: ReturnType<typeof result.current.execute>;
    act(() => {
      pending = result.current.execute();
    });
    const request = fake.last('loadUser');
    expect(fake.bridge.inFlight).toBe(1);

    unmount();

    expect(request.signal.aborted).toBe(true);
    const outcome = await pending;
    expect(!outcome.ok && outcome.error.code).toBe('CANCELLED');
    expect(fake.bridge.inFlight).toBe(0);
    expect(listenerCounts(fake.bridge)).toEqual(baseline);
  });

  it('ends an execute called after the component unmounted CANCELLED, and sends nothing', async () => {
    const fake = createFakeBackend();
    const { result, unmount } = renderHook(() => useRequest('loadUser'), { wrapper: wrapperOf(fake) });
    const { execute } = result.current;

    unmount();
    const outcome = await execute(undefined, { requestId: 'late-1' });

    expect(outcome.ok ? 'ok' : [outcome.error.code, outcome.error.requestId]).toEqual(['CANCELLED', 'late-1']);
    expect(fake.requests).toHaveLength(0);
  });

  it('abort() ends what is in flight CANCELLED and shows it as the error', async () => {
    const fake = createFakeBackend();
    const { result } = renderHook(() => useRequest('loadUser'), { wrapper: wrapperOf(fake) });
    let pending!: ReturnType<typeof result.current.execute>;
    act(() => {
      pending = result.current.execute();
    });
    await act(async () => {
      result.current.abort();
      await pending;
    });
    expect(result.current.status).toBe('error');
    expect(result.current.error?.code).toBe('CANCELLED');
  });

  it('still works after StrictMode mounted it twice, and leaves nothing behind once unmounted', async () => {
    const fake = createFakeBackend();
    const baseline = listenerCounts(fake.bridge);
    const { result, unmount } = renderHook(() => useRequest('updateUser'), { wrapper: wrapperOf(fake), ...strict });
    let pending!: ReturnType<typeof result.current.execute>;
    act(() => {
      pending = result.current.execute({ name: 'Grace' });
    });
    const user = buildUser({ name: 'Grace' });
    await act(async () => {
      fake.claim.succeed(fake.last('updateUser').requestId, user);
      await pending;
    });
    expect(result.current).toMatchObject({ status: 'success', data: user });

    unmount();
    expect(listenerCounts(fake.bridge)).toEqual(baseline);
  });

  it('loads on mount under StrictMode: the first mount’s load ends CANCELLED, the second one lands', async () => {
    const fake = createFakeBackend();
    const outcomes: string[] = [];
    function Profile() {
      const { execute, status } = useRequest('loadUser');
      useEffect(() => {
        void execute().then((outcome) => outcomes.push(outcome.ok ? 'ok' : outcome.error.code));
      }, [execute]);
      return <p data-testid="status">{status}</p>;
    }
    render(<Profile />, { wrapper: wrapperOf(fake), ...strict });
    const loads = fake.requests.filter((request) => request.name === 'loadUser');
    expect(loads.map((request) => request.signal.aborted)).toEqual([true, false]);
    await act(async () => {
      fake.claim.succeed(loads[1]!.requestId, buildUser());
      await Promise.resolve();
    });
    expect(outcomes).toEqual(['CANCELLED', 'ok']);
    expect(screen.getByTestId('status').textContent).toBe('success');
  });
});

describe('useOperation', () => {
  const phases = (snapshots: OperationSnapshot[]) => snapshots.map(({ phase, progress }) => `${phase} ${progress}`);

  it('follows the operation a request started, by its requestId, from acceptance through progress to completion', async () => {
    const fake = createFakeBackend();
    const seen: OperationSnapshot[] = [];
    const { result } = renderHook(
      () => {
        const scale = useRequest('scaleService');
        const operation = useOperation(scale.requestId);
        if (seen.at(-1) !== operation) seen.push(operation);
        return scale;
      },
      { wrapper: wrapperOf(fake) },
    );
    let pending!: ReturnType<typeof result.current.execute>;
    act(() => {
      pending = result.current.execute(SCALE);
    });
    const { requestId } = fake.last('scaleService');
    const running = buildOperation({ id: 'op-7', kind: 'scaleService', status: 'running', progress: 0 });
    await act(async () => {
      fake.claim.accept(requestId, running);
      await pending;
    });
    act(() => fake.claim.notify('operation:progress', { ...running, progress: 60 }, operationMeta(requestId, running)));
    const done = { ...running, status: 'succeeded' as const, progress: 100 };
    act(() => fake.claim.notify('operation:completed', done, operationMeta(requestId, running)));

    expect(phases(seen)).toEqual(['unknown 0', 'running 0', 'running 60', 'completed 100']);
    expect(seen.at(-1)).toMatchObject({ operation: done, requestId, error: undefined });
  });

  it('finds an operation by its own id, started before the component mounted, and shows its typed failure', () => {
    const fake = createFakeBackend();
    const { rerender } = render(<BackendProvider backend={fake.backend}>{null}</BackendProvider>);
    const requestId = fake.bridge.emit('scaleService', SCALE);
    const running = buildOperation({ id: 'op-9', kind: 'scaleService', status: 'running', progress: 30 });
    fake.claim.accept(requestId, running);
    const failure = new BackendError({ code: 'SERVER', message: 'the scheduler gave up' });

    function Progress() {
      const { phase, progress, error } = useOperation('op-9');
      return <p data-testid="operation">{`${phase} ${progress} ${error?.code ?? ''}`}</p>;
    }
    rerender(
      <BackendProvider backend={fake.backend}>
        <Progress />
      </BackendProvider>,
    );
    expect(screen.getByTestId('operation').textContent).toBe('running 30 ');
    act(() => fake.claim.notify('operation:failed', failure, operationMeta(requestId, running)));
    expect(screen.getByTestId('operation').textContent).toBe('failed 30 SERVER');
  });

  it('follows operations after StrictMode mounted the provider twice, and leaves nothing behind once unmounted', async () => {
    const fake = createFakeBackend();
    const baseline = listenerCounts(fake.bridge);
    const { result, unmount } = renderHook(
      () => {
        const scale = useRequest('scaleService');
        return { scale, operation: useOperation(scale.requestId) };
      },
      { wrapper: wrapperOf(fake), ...strict },
    );
    let pending!: ReturnType<typeof result.current.scale.execute>;
    act(() => {
      pending = result.current.scale.execute(SCALE);
    });
    const { requestId } = fake.last('scaleService');
    const running = buildOperation({ id: 'op-3', kind: 'scaleService', status: 'running', progress: 10 });
    await act(async () => {
      fake.claim.accept(requestId, running);
      await pending;
    });
    expect(phases([result.current.operation])).toEqual(['running 10']);
    act(() =>
      fake.claim.notify('operation:completed', { ...running, progress: 100 }, operationMeta(requestId, running)),
    );
    expect(phases([result.current.operation])).toEqual(['completed 100']);

    unmount();
    expect(listenerCounts(fake.bridge)).toEqual(baseline);
  });

  it('reads unknown for an id no operation has', () => {
    const fake = createFakeBackend();
    const { result } = renderHook(() => useOperation(undefined), { wrapper: wrapperOf(fake) });
    expect(result.current).toMatchObject({ phase: 'unknown', progress: 0, operation: undefined });
  });
});
