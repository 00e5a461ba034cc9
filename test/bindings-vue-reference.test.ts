/** @jest-environment jsdom */
// The Vue binding on the real handler, talking HTTP to the reference API. jsdom cannot run the server (it lacks
// the fetch API's classes the server is built on), so the server runs in a Node process of its own and the
// handler reaches it through jsdom's XMLHttpRequest, across origins (the API allows any origin). jsdom has no
// fetch, which the live stream needs: operations are followed by polling here.
import { flushPromises, mount } from '@vue/test-utils';
import { defineComponent, h, watch } from 'vue';
import type { UserState } from '../state/user-state';
import { demoCredentials } from '../testing/reference-api/credentials';
import { provideBackend, useBackendState, useOperation, useRequest, type RequestOutcome } from '../vue';
import { listenerCounts } from './support/fake-backend';
import { useReferenceBackend } from './support/reference-process';

const reference = useReferenceBackend({ operationDurationMs: 200 });

const shopOf = (state: UserState) =>
  state?.tenants
    .find((tenant) => tenant.name === 'northwind-prod')
    ?.services.find((service) => service.name === 'shop');

it('signs in, scales a service and follows its operation to the end, through the real handler and API', async () => {
  const { bridge, handler } = reference;
  const baseline = listenerCounts(bridge);
  const phases: string[] = [];
  let scaled!: (outcome: RequestOutcome<'scaleService'>) => void;
  const done = new Promise<RequestOutcome<'scaleService'>>((resolve) => (scaled = resolve));
  const Console = defineComponent({
    setup() {
      const login = useRequest('login');
      const shop = useBackendState(shopOf);
      const scale = useRequest('scaleService');
      const operation = useOperation(scale.requestId);
      watch(
        () => operation.value.phase,
        (phase) => phases.push(phase),
        { immediate: true },
      );
      void login.execute(demoCredentials);
      const stop = watch(shop, (service) => {
        if (service === undefined) return;
        stop();
        void scale
          .execute(
            { tenantId: service.tenant, serviceId: service.id, minReplicas: 2, maxReplicas: 7 },
            { until: 'completed' },
          )
          .then(scaled);
      });
      return () =>
        h(
          'p',
          `${shop.value?.name ?? 'signed out'} ${shop.value?.minReplicas ?? '-'}..${shop.value?.maxReplicas ?? '-'} ${operation.value.phase} ${operation.value.progress}`,
        );
    },
  });
  const wrapper = mount(
    defineComponent({
      setup() {
        provideBackend({ bridge, handler });
        return () => h(Console);
      },
    }),
  );

  const outcome = await done;
  await flushPromises();

  expect(outcome).toMatchObject({ ok: true, data: { kind: 'scaleService', status: 'succeeded' } });
  expect(phases).toEqual(['unknown', 'running', 'completed']);
  expect(wrapper.text()).toBe('shop 2..7 completed 100');
  wrapper.unmount();
  expect(listenerCounts(bridge)).toEqual(baseline);
});
