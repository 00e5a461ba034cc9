/** @jest-environment jsdom */
import { act, renderHook } from '@testing-library/react';
import { expectTypeOf } from 'expect-type';
import type { ReactNode } from 'react';
import type { StreamStatus } from '../api/stream/stream-status';
import type { BackendError } from '../errors/backend-error';
import type { OutcomeMeta } from '../event-names';
import type { Notification } from '../interfaces/notification-interface';
import type { Operation } from '../interfaces/operation-interface';
import type { Service } from '../interfaces/service-interface';
import type { User } from '../interfaces/user-interface';
import {
  BackendProvider,
  useBackend,
  useBackendState,
  useEvent,
  useNotifications,
  useOperation,
  useRequest,
  useStreamStatus,
  type BackendBinding,
  type OperationSnapshot,
  type RequestOutcome,
  type RequestStatus,
} from '../react';
import type { UserState } from '../state/user-state';
import { createFakeBackend } from './support/fake-backend';

// Every `@ts-expect-error` below is proven by `npm run typecheck`: an unused one is itself a compile error.

const fake = createFakeBackend();
const wrapper = ({ children }: { children: ReactNode }) => (
  <BackendProvider backend={fake.backend}>{children}</BackendProvider>
);

describe('the React hooks’ inferred types', () => {
  it('useBackendState returns what the selector returns, and its isEqual compares that type', () => {
    const { result } = renderHook(
      () => {
        const state = useBackendState((tree) => tree);
        const service = useBackendState((tree) => tree?.tenants[0]?.services[0]);
        const count = useBackendState(
          (tree) => tree?.tenants.length ?? 0,
          (a, b) => {
            expectTypeOf(a).toEqualTypeOf<number>();
            return a === b;
          },
        );
        const tenantCount = (tree: UserState) => tree?.tenants.length ?? 0;
        const sameText = (a: string, b: string) => a === b;
        // @ts-expect-error -- isEqual compares selected values (numbers here), not strings
        useBackendState(tenantCount, sameText);
        return { state, service, count };
      },
      { wrapper },
    );
    expectTypeOf(result.current.state).toEqualTypeOf<UserState>();
    expectTypeOf(result.current.service).toEqualTypeOf<Service | undefined>();
    expectTypeOf(result.current.count).toEqualTypeOf<number>();
    expect(result.current).toEqual({ state: null, service: undefined, count: 0 });
  });

  it('useRequest types data, error, execute’s input and outcome from the request name', async () => {
    const { result } = renderHook(() => ({ scale: useRequest('scaleService'), load: useRequest('loadUser') }), {
      wrapper,
    });
    const { scale, load } = result.current;
    expectTypeOf(scale.data).toEqualTypeOf<Operation | undefined>();
    expectTypeOf(load.data).toEqualTypeOf<User | undefined>();
    expectTypeOf(scale.error).toEqualTypeOf<BackendError | undefined>();
    expectTypeOf(scale.status).toEqualTypeOf<RequestStatus>();
    expectTypeOf(scale.requestId).toEqualTypeOf<string | undefined>();
    expectTypeOf(scale.execute).returns.toEqualTypeOf<Promise<RequestOutcome<'scaleService'>>>();

    const outcomes: Array<RequestOutcome<'scaleService'> | RequestOutcome<'loadUser'>> = [];
    await act(async () => {
      // @ts-expect-error -- scaleService needs its input
      const missing = scale.execute();
      // @ts-expect-error -- maxReplicas is a number
      const wrong = scale.execute({ tenantId: 't', serviceId: 's', minReplicas: 1, maxReplicas: 'many' });
      // loadUser takes no input, and the options of bridge.request
      const loaded = load.execute(undefined, { timeoutMs: 5_000 });
      load.abort();
      scale.abort();
      outcomes.push(...(await Promise.all([missing, wrong, loaded])));
    });
    const outcome = outcomes[0]!;
    if (outcome.ok) expectTypeOf(outcome.data).toEqualTypeOf<Operation | User>();
    else expectTypeOf(outcome.error).toEqualTypeOf<BackendError>();
    expect(outcomes.map((each) => (each.ok ? 'ok' : each.error.code))).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED']);
  });

  it('useOperation, useStreamStatus, useNotifications and useBackend return their named types', () => {
    const { result } = renderHook(
      () => ({
        operation: useOperation(undefined),
        stream: useStreamStatus(),
        notifications: useNotifications(),
        backend: useBackend(),
      }),
      { wrapper },
    );
    expectTypeOf(result.current.operation).toEqualTypeOf<OperationSnapshot>();
    expectTypeOf(result.current.operation.error).toEqualTypeOf<BackendError | undefined>();
    expectTypeOf(result.current.stream).toEqualTypeOf<StreamStatus>();
    expectTypeOf(result.current.notifications.received).toEqualTypeOf<readonly Notification[]>();
    expectTypeOf(result.current.notifications.unread).toEqualTypeOf<number>();
    expectTypeOf(result.current.backend).toEqualTypeOf<BackendBinding>();
    expect(result.current.operation.phase).toBe('unknown');
    expect(result.current.stream.state).toBe('closed');
  });

  it('useEvent types the listener from the event name, and an unknown event does not compile', () => {
    const received: string[] = [];
    renderHook(
      () => {
        useEvent('updateUser:success', (user, meta) => {
          expectTypeOf(user).toEqualTypeOf<User>();
          expectTypeOf(meta).toEqualTypeOf<OutcomeMeta<'updateUser'>>();
          received.push(user.name);
        });
        // @ts-expect-error -- "user:loaded" is not an event of the map
        useEvent('user:loaded', () => undefined);
        // @ts-expect-error -- an error outcome carries a BackendError, not a string
        useEvent('updateUser:error', (message: string) => void received.push(message));
      },
      { wrapper },
    );
    expect(fake.bridge.listenerCount('updateUser:success')).toBe(1);
  });
});
