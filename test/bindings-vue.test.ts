/** @jest-environment jsdom */
import { mount } from '@vue/test-utils';
import { createApp, defineComponent, h, nextTick, ref } from 'vue';
import { BackendError, isBackendError } from '../errors/backend-error';
import type { OperationEventMeta } from '../event-names';
import type { Operation } from '../interfaces/operation-interface';
import type { UserState } from '../state/user-state';
import { buildNotification, buildOperation, buildUser } from '../testing/factories';
import {
  createBackendPlugin,
  provideBackend,
  useBackend,
  useBackendState,
  useEvent,
  useNotifications,
  useOperation,
  useRequest,
  useStreamStatus,
} from '../vue';
import { createFakeBackend, listenerCounts } from './support/fake-backend';
import { mountInSetup, withBackend } from './support/vue-setup';
import { createOfflineBackend } from './support/offline-backend';
import { twoTenants, withService } from './support/state-tree';

const serviceOf = (tenantId: string, serviceId: string) => (state: UserState) =>
  state?.tenants.find((tenant) => tenant.id === tenantId)?.services.find((service) => service.id === serviceId);

const SCALE = { tenantId: 'ten-1', serviceId: 'svc-1', minReplicas: 1, maxReplicas: 3 };

function operationMeta(requestId: string, operation: Operation): OperationEventMeta {
  return { requestId, name: 'scaleService', operationId: operation.id, target: operation.target };
}

describe('provideBackend, the plugin and useBackend', () => {
  it('gives the components below the bridge and handler it was given', () => {
    const fake = createFakeBackend();
    let seen: unknown;
    const Child = defineComponent({
      setup() {
        seen = useBackend();
        return () => null;
      },
    });
    mount(withBackend(fake.backend, Child));
    expect(seen).toMatchObject({ bridge: fake.bridge, handler: fake.backend.handler });
  });

  it('lets the component that calls provideBackend use the composables itself', () => {
    const fake = createFakeBackend(twoTenants());
    const wrapper = mount(
      defineComponent({
        setup() {
          provideBackend(fake.backend);
          const name = useBackendState((state) => state?.name);
          return () => h('p', name.value);
        },
      }),
    );
    expect(wrapper.text()).toBe(twoTenants().name);
  });

  it.each([
    ['useBackend', () => useBackend()],
    ['useBackendState', () => useBackendState((state) => state)],
    ['useRequest', () => useRequest('loadUser')],
    ['useOperation', () => useOperation('op-1')],
    ['useEvent', () => useEvent('state:changed', () => undefined)],
    ['useStreamStatus', () => useStreamStatus()],
    ['useNotifications', () => useNotifications()],
  ])('%s without a provided backend throws the CONFIG error naming it and provideBackend', (name, use) => {
    let thrown: unknown;
    const Orphan = defineComponent({
      setup() {
        try {
          use();
        } catch (error) {
          thrown = error;
        }
        return () => null;
      },
    });
    mount(Orphan);
    expect(isBackendError(thrown) && thrown.code).toBe('CONFIG');
    expect((thrown as Error).message).toContain(`${name}() found no backend`);
    expect((thrown as Error).message).toContain('provideBackend(');
  });

  it('a composable called outside setup() (after an await) throws the same CONFIG error, not a TypeError', async () => {
    const fake = createFakeBackend();
    let late: Promise<unknown> | undefined;
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    mountInSetup(fake.backend, () => {
      late = Promise.resolve().then(() => useBackendState((state) => state));
    });
    const thrown: unknown = await late?.then(
      () => undefined,
      (error: unknown) => error,
    );
    warn.mockRestore();
    expect(isBackendError(thrown) && thrown.code).toBe('CONFIG');
    expect((thrown as Error).message).toContain('useBackendState() found no backend');
  });

  it('the plugin provides the backend to a whole app, and releases what it attached when the app unmounts', () => {
    const fake = createFakeBackend(twoTenants());
    const baseline = listenerCounts(fake.bridge);
    const Child = defineComponent({
      setup() {
        const name = useBackendState((state) => state?.name);
        useOperation('req-1');
        useNotifications();
        return () => h('p', name.value);
      },
    });
    const app = createApp(Child).use(createBackendPlugin(fake.backend));
    const element = document.createElement('div');
    app.mount(element);
    expect(element.textContent).toBe(twoTenants().name);
    expect(listenerCounts(fake.bridge)).not.toEqual(baseline);

    app.unmount();

    expect(listenerCounts(fake.bridge)).toEqual(baseline);
  });

  it('leaves every event of the bridge at its listener count once the tree unmounts', () => {
    const fake = createFakeBackend(twoTenants());
    const baseline = listenerCounts(fake.bridge);
    const Everything = defineComponent({
      setup() {
        useBackendState(serviceOf('ten-a', 'svc-a'));
        useRequest('scaleService');
        useOperation('req-1');
        useEvent('operation:completed', () => undefined);
        useStreamStatus();
        useNotifications();
        return () => null;
      },
    });
    const wrapper = mount(withBackend(fake.backend, Everything));
    expect(listenerCounts(fake.bridge)).not.toEqual(baseline);

    wrapper.unmount();

    expect(listenerCounts(fake.bridge)).toEqual(baseline);
  });
});

describe('useBackendState', () => {
  it('renders a component that selects one service again only when that service changes, not when another tenant does', async () => {
    const fake = createFakeBackend(twoTenants());
    const renders: string[] = [];
    const ServiceStatus = defineComponent({
      props: { tenantId: { type: String, required: true }, serviceId: { type: String, required: true } },
      setup(props) {
        const service = useBackendState(serviceOf(props.tenantId, props.serviceId));
        return () => {
          renders.push(`${props.serviceId}:${service.value?.status ?? 'none'}`);
          return h('p', service.value?.status);
        };
      },
    });
    const Both = defineComponent({
      setup() {
        provideBackend(fake.backend);
        return () => [
          h(ServiceStatus, { tenantId: 'ten-a', serviceId: 'svc-a' }),
          h(ServiceStatus, { tenantId: 'ten-b', serviceId: 'svc-b' }),
        ];
      },
    });
    mount(Both);
    const user = fake.backend.handler.getState()!;

    fake.setState(withService(user, 'ten-b', 'svc-b', { status: 'stopped' }));
    await nextTick();
    fake.setState(withService(fake.backend.handler.getState()!, 'ten-a', 'svc-a', { status: 'failed' }));
    await nextTick();

    expect(renders).toEqual(['svc-a:running', 'svc-b:running', 'svc-b:stopped', 'svc-a:failed']);
  });

  it('runs the selector again when a prop it reads changes, with no new subscription', async () => {
    const fake = createFakeBackend(twoTenants());
    const Picked = defineComponent({
      props: { serviceId: { type: String, required: true } },
      setup(props) {
        const name = useBackendState(
          (state) =>
            state?.tenants.flatMap((tenant) => tenant.services).find((service) => service.id === props.serviceId)?.name,
        );
        return () => h('p', name.value);
      },
    });
    const serviceId = ref('svc-a');
    const wrapper = mount(
      defineComponent({
        setup() {
          provideBackend(fake.backend);
          return () => h(Picked, { serviceId: serviceId.value });
        },
      }),
    );
    const subscribed = fake.bridge.listenerCount('state:changed');

    serviceId.value = 'svc-b';
    await nextTick();

    expect(wrapper.text()).toBe('blog');
    expect(fake.bridge.listenerCount('state:changed')).toBe(subscribed);
  });

  it('with isEqual, keeps the current value (and skips the render) for an equal new one', async () => {
    const fake = createFakeBackend(twoTenants());
    const values: unknown[] = [];
    const names = (state: UserState) => state?.tenants.map((tenant) => tenant.name) ?? [];
    const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((name, i) => name === b[i]);
    const TenantNames = defineComponent({
      setup() {
        const list = useBackendState(names, sameList);
        return () => {
          values.push(list.value);
          return null;
        };
      },
    });
    mount(withBackend(fake.backend, TenantNames));

    fake.setState(withService(fake.backend.handler.getState()!, 'ten-a', 'svc-a', { status: 'failed' }));
    await nextTick();

    expect(values).toEqual([['alpha', 'beta']]);
  });

  it('is a read-only ref: assigning it changes nothing', () => {
    const fake = createFakeBackend(twoTenants());
    let name: { value: unknown } | undefined;
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    mountInSetup(fake.backend, () => {
      name = useBackendState((state) => state?.name);
    });
    (name as { value: unknown }).value = 'Mallory';
    warn.mockRestore();
    expect(name?.value).toBe(twoTenants().name);
  });
});

describe('useRequest', () => {
  it('follows an execution from idle to pending to success', async () => {
    const fake = createFakeBackend();
    const { result: request } = mountInSetup(
      fake.backend,
      () => useRequest('scaleService'),
      ({ status }) => h('p', status.value),
    );
    expect(request.status.value).toBe('idle');

    const pending = request.execute(SCALE);
    const incoming = fake.last('scaleService');
    expect([request.status.value, request.requestId.value]).toEqual(['pending', incoming.requestId]);
    const operation = buildOperation({ kind: 'scaleService' });
    fake.claim.accept(incoming.requestId, operation);

    await expect(pending).resolves.toEqual({ ok: true, data: operation });
    expect([request.status.value, request.data.value, request.error.value]).toEqual(['success', operation, undefined]);
  });

  it('aborts the request in flight when the component unmounts: the call is aborted and the outcome is CANCELLED', async () => {
    const fake = createFakeBackend();
    const baseline = listenerCounts(fake.bridge);
    let execute!: ReturnType<typeof useRequest<'scaleService'>>['execute'];
    const { wrapper } = mountInSetup(fake.backend, () => {
      ({ execute } = useRequest('scaleService'));
    });
    const pending = execute(SCALE);
    const incoming = fake.last('scaleService');

    wrapper.unmount();

    expect(incoming.signal.aborted).toBe(true);
    const outcome = await pending;
    expect(!outcome.ok && outcome.error.code).toBe('CANCELLED');
    expect(listenerCounts(fake.bridge)).toEqual(baseline);
    const late = await execute(SCALE);
    expect(!late.ok && late.error.code).toBe('CANCELLED');
    expect(fake.requests).toHaveLength(1);
  });

  it('shows a typed VALIDATION error with its field from the real handler, and never rejects', async () => {
    const backend = createOfflineBackend();
    const ScaleForm = defineComponent({
      setup() {
        const scale = useRequest('scaleService');
        const fieldError = (path: string) => scale.error.value?.details.find((detail) => detail.path === path)?.message;
        return () =>
          h('form', [
            h('button', {
              type: 'button',
              onClick: () => void scale.execute({ ...SCALE, minReplicas: 4, maxReplicas: 2 }),
            }),
            h('small', { 'data-field': 'maxReplicas' }, fieldError('maxReplicas')),
          ]);
      },
    });
    const wrapper = mount(withBackend(backend, ScaleForm));

    await wrapper.find('button').trigger('click');
    await new Promise((resolve) => setTimeout(resolve, 0));
    await nextTick();
    backend.handler.stop();

    expect(wrapper.find('[data-field="maxReplicas"]').text()).toBe('must not be less than minReplicas');
  });

  it('reports the latest execution, whatever order earlier ones end in', async () => {
    const fake = createFakeBackend();
    let request!: ReturnType<typeof useRequest<'updateUser'>>;
    mountInSetup(fake.backend, () => {
      request = useRequest('updateUser');
    });
    const first = request.execute({ name: 'Ada' });
    const firstId = fake.last('updateUser').requestId;
    const second = request.execute({ name: 'Grace' });
    const secondId = fake.last('updateUser').requestId;

    fake.claim.fail(secondId, new BackendError({ code: 'CONFLICT', message: 'changed meanwhile' }));
    await second;
    fake.claim.succeed(firstId, buildUser());
    await first;

    expect([request.status.value, request.error.value?.code, request.requestId.value]).toEqual([
      'error',
      'CONFLICT',
      secondId,
    ]);
  });
});

describe('useOperation, useEvent, useStreamStatus and useNotifications', () => {
  it('follows an operation by the requestId that started it, from running through progress to completed', async () => {
    const fake = createFakeBackend();
    const seen: string[] = [];
    let request!: ReturnType<typeof useRequest<'scaleService'>>;
    const Progress = defineComponent({
      setup() {
        request = useRequest('scaleService');
        const operation = useOperation(request.requestId);
        return () => {
          seen.push(`${operation.value.phase} ${operation.value.progress}`);
          return null;
        };
      },
    });
    mount(withBackend(fake.backend, Progress));
    void request.execute(SCALE);
    const { requestId } = fake.last('scaleService');
    const accepted = buildOperation({ id: 'op-7', kind: 'scaleService', status: 'pending', progress: 0 });

    fake.claim.accept(requestId, accepted);
    await nextTick();
    const running = { ...accepted, status: 'running' as const, progress: 60 };
    fake.claim.notify('operation:progress', running, operationMeta(requestId, running));
    await nextTick();
    const done = { ...accepted, status: 'succeeded' as const, progress: 100 };
    fake.claim.notify('operation:completed', done, operationMeta(requestId, done));
    await nextTick();

    expect(seen).toEqual(['unknown 0', 'running 0', 'running 60', 'completed 100']);
  });

  it('finds an operation that started before the component following it mounted', async () => {
    const fake = createFakeBackend();
    const show = ref(false);
    const Progress = defineComponent({
      setup() {
        const operation = useOperation('req-early');
        return () => h('p', `${operation.value.phase} ${operation.value.progress}`);
      },
    });
    const wrapper = mount(
      defineComponent({
        setup() {
          provideBackend(fake.backend);
          return () => (show.value ? h(Progress) : null);
        },
      }),
    );
    const running = buildOperation({ id: 'op-early', kind: 'scaleService', status: 'running', progress: 40 });
    fake.claim.notify('operation:progress', running, operationMeta('req-early', running));

    show.value = true;
    await nextTick();

    expect(wrapper.text()).toBe('running 40');
  });

  it('useEvent calls the listener until the component unmounts', () => {
    const fake = createFakeBackend();
    const heard: string[] = [];
    const { wrapper } = mountInSetup(fake.backend, () => {
      useEvent('stream:status', (status) => {
        heard.push(status.state);
      });
    });
    fake.setStreamStatus({ state: 'open', role: 'own', attempt: 0 });
    wrapper.unmount();
    fake.setStreamStatus({ state: 'closed', role: 'own', attempt: 0 });

    expect(heard).toEqual(['open']);
  });

  it('useStreamStatus starts from the current status and follows stream:status', async () => {
    const fake = createFakeBackend();
    fake.setStreamStatus({ state: 'open', role: 'leader', attempt: 0 });
    const { wrapper } = mountInSetup(
      fake.backend,
      () => useStreamStatus(),
      (status) => h('p', `${status.value.state} ${status.value.role}`),
    );
    expect(wrapper.text()).toBe('open leader');

    fake.setStreamStatus({ state: 'reconnecting', role: 'leader', attempt: 1, retryInMs: 2_000 });
    await nextTick();

    expect(wrapper.text()).toBe('reconnecting leader');
  });

  it('useNotifications counts the unread, lists a pushed notification and marks it read', async () => {
    const fake = createFakeBackend({ ...twoTenants(), unreadNotifications: 0 });
    const { result: notifications, wrapper } = mountInSetup(
      fake.backend,
      () => useNotifications(),
      ({ unread, received }) =>
        h('p', `${unread.value}: ${received.value.map((n) => `${n.title} ${n.status}`).join(', ')}`),
    );
    const notification = buildNotification({ id: 'ntf-1', title: 'Deployed', status: 'unread' });

    fake.setState({ ...fake.backend.handler.getState()!, unreadNotifications: 1 });
    fake.claim.notify('notification:received', notification, { unread: 1, eventId: '9' });
    await nextTick();
    expect(wrapper.text()).toBe('1: Deployed unread');

    const marking = notifications.markRead('ntf-1');
    const request = fake.last('markNotificationRead');
    expect(request.input).toEqual({ notificationId: 'ntf-1' });
    fake.claim.succeed(request.requestId, { notification: { ...notification, status: 'read' }, unread: 0 });
    fake.setState({ ...fake.backend.handler.getState()!, unreadNotifications: 0 });
    await expect(marking).resolves.toMatchObject({ ok: true });
    await nextTick();

    expect(wrapper.text()).toBe('0: Deployed read');
  });
});
