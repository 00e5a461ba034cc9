/** @jest-environment jsdom */
import { expectTypeOf } from 'expect-type';
import type { ComputedRef } from 'vue';
import type { StreamStatus } from '../api/stream/stream-status';
import type { BackendError } from '../errors/backend-error';
import type { OutcomeMeta } from '../event-names';
import type { Notification } from '../interfaces/notification-interface';
import type { Operation } from '../interfaces/operation-interface';
import type { Service } from '../interfaces/service-interface';
import type { User } from '../interfaces/user-interface';
import type { UserState } from '../state/user-state';
import {
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
} from '../vue';
import { createFakeBackend } from './support/fake-backend';
import { mountInSetup } from './support/vue-setup';

// Every `@ts-expect-error` below is proven by `npm run typecheck`: an unused one is itself a compile error.

/** Runs `use` in the setup of a component below a provided fake backend; returns what it returned. */
const inSetup = <T>(use: () => T): T => mountInSetup(createFakeBackend().backend, use).result;

describe('the Vue composables’ inferred types', () => {
  it('useBackendState returns a read-only ref of what the selector returns, and its isEqual compares that type', () => {
    const refs = inSetup(() => {
      const state = useBackendState((tree) => tree);
      const service = useBackendState((tree) => tree?.tenants[0]?.services[0]);
      const tenantCount = (tree: UserState) => tree?.tenants.length ?? 0;
      const sameText = (a: string, b: string) => a === b;
      // @ts-expect-error -- isEqual compares selected values (numbers here), not strings
      useBackendState(tenantCount, sameText);
      return { state, service, count: useBackendState(tenantCount, (a, b) => a === b) };
    });
    expectTypeOf(refs.state).toEqualTypeOf<ComputedRef<UserState>>();
    expectTypeOf(refs.service.value).toEqualTypeOf<Service | undefined>();
    expectTypeOf(refs.count.value).toEqualTypeOf<number>();
    expect([refs.state.value, refs.service.value, refs.count.value]).toEqual([null, undefined, 0]);
  });

  it('useRequest types data, error, execute’s input and outcome from the request name', async () => {
    const { scale, load } = inSetup(() => ({ scale: useRequest('scaleService'), load: useRequest('loadUser') }));
    expectTypeOf(scale.data.value).toEqualTypeOf<Operation | undefined>();
    expectTypeOf(load.data.value).toEqualTypeOf<User | undefined>();
    expectTypeOf(scale.error.value).toEqualTypeOf<BackendError | undefined>();
    expectTypeOf(scale.status.value).toEqualTypeOf<RequestStatus>();
    expectTypeOf(scale.execute).returns.toEqualTypeOf<Promise<RequestOutcome<'scaleService'>>>();

    // @ts-expect-error -- scaleService needs its input
    const missing = scale.execute();
    // @ts-expect-error -- maxReplicas is a number
    const wrong = scale.execute({ tenantId: 't', serviceId: 's', minReplicas: 1, maxReplicas: 'many' });
    const loaded = load.execute(undefined, { timeoutMs: 5_000 });
    load.abort();
    scale.abort();
    const outcomes = await Promise.all([missing, wrong, loaded]);
    expect(outcomes.map((each) => (each.ok ? 'ok' : each.error.code))).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED']);
  });

  it('useOperation, useStreamStatus, useNotifications and useBackend return their named types', () => {
    const result = inSetup(() => ({
      operation: useOperation(undefined),
      stream: useStreamStatus(),
      notifications: useNotifications(),
      backend: useBackend(),
    }));
    expectTypeOf(result.operation).toEqualTypeOf<ComputedRef<OperationSnapshot>>();
    expectTypeOf(result.stream).toEqualTypeOf<ComputedRef<StreamStatus>>();
    expectTypeOf(result.notifications.received.value).toEqualTypeOf<readonly Notification[]>();
    expectTypeOf(result.notifications.unread.value).toEqualTypeOf<number>();
    expectTypeOf(result.backend).toEqualTypeOf<BackendBinding>();
    expect([result.operation.value.phase, result.stream.value.state]).toEqual(['unknown', 'closed']);
  });

  it('useEvent types the listener from the event name, and an unknown event does not compile', () => {
    inSetup(() => {
      useEvent('updateUser:success', (user, meta) => {
        expectTypeOf(user).toEqualTypeOf<User>();
        expectTypeOf(meta).toEqualTypeOf<OutcomeMeta<'updateUser'>>();
      });
      // @ts-expect-error -- "user:loaded" is not an event of the map
      useEvent('user:loaded', () => undefined);
      // @ts-expect-error -- an error outcome carries a BackendError, not a string
      useEvent('updateUser:error', (message: string) => {
        expect(message).toBe('never called');
      });
    });
  });
});
