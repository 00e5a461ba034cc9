// The Vue binding in one page: sign in, a service list with live status, and a scale action that shows the
// operation's progress and the validation error next to its field. Served by `npm start` at /examples/vue/.
// Components are written as render functions, so the page needs no template compiler.
import { createBackendHandler, createWUIBridge, type Tenant } from 'aurora-backend-handler';
import { provideBackend, useBackendState, useOperation, useRequest, useStreamStatus } from 'aurora-backend-handler/vue';
import { computed, createApp, defineComponent, h, ref } from 'vue';

// The app owns the bridge and the handler: one of each, on the page's own API.
const bridge = createWUIBridge();
const handler = createBackendHandler({ bridge, environment: { apiBaseUrl: new URL('/api', location.origin).href } });
handler.start();

const DEMO = { email: 'demo@aurora.dev', password: 'aurora-demo-2026' };
const NO_TENANTS: readonly Tenant[] = [];

interface Selection {
  tenantId: string;
  serviceId: string;
}

/** Selects one service: a component using it renders again when that service changes, not when another does. */
function useService(selection: () => Selection) {
  return useBackendState((state) => {
    const { tenantId, serviceId } = selection();
    return state?.tenants.find((tenant) => tenant.id === tenantId)?.services.find((s) => s.id === serviceId);
  });
}

const SignIn = defineComponent({
  setup() {
    const login = useRequest('login');
    return () =>
      h('main', [
        h('h1', 'Aurora services'),
        h(
          'button',
          { type: 'button', disabled: login.status.value === 'pending', onClick: () => void login.execute(DEMO) },
          `Sign in as ${DEMO.email}`,
        ),
        login.error.value && h('p', { role: 'alert' }, login.error.value.message),
      ]);
  },
});

const LiveState = defineComponent({
  setup() {
    const stream = useStreamStatus();
    return () => h('span', { 'data-testid': 'stream-state' }, stream.value.state);
  },
});

const ServiceRow = defineComponent({
  props: {
    tenantId: { type: String, required: true },
    tenantName: { type: String, required: true },
    serviceId: { type: String, required: true },
    selected: { type: Boolean, required: true },
  },
  emits: ['select'],
  setup(props, { emit }) {
    const service = useService(() => ({ tenantId: props.tenantId, serviceId: props.serviceId }));
    return () => {
      const current = service.value;
      if (current === undefined) return null;
      return h('tr', { 'aria-selected': props.selected, 'data-testid': `service-${current.name}` }, [
        h('td', h('button', { type: 'button', onClick: () => emit('select') }, current.name)),
        h('td', props.tenantName),
        h('td', { class: 'status', 'data-testid': 'status' }, current.status),
        h('td', { 'data-testid': 'replicas' }, `${current.minReplicas ?? 1}–${current.maxReplicas ?? 1}`),
      ]);
    };
  },
});

const ScaleForm = defineComponent({
  props: { tenantId: { type: String, required: true }, serviceId: { type: String, required: true } },
  setup(props) {
    const service = useService(() => props);
    const scale = useRequest('scaleService');
    const operation = useOperation(scale.requestId);
    // What the inputs hold, as typed: an emptied field is sent as NaN, which validation names next to its field.
    const minReplicas = ref(String(service.value?.minReplicas ?? 1));
    const maxReplicas = ref(String(service.value?.maxReplicas ?? 1));
    const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
    // A VALIDATION error names its fields: each message goes next to its input.
    const fieldError = (field: string) => scale.error.value?.details.find((detail) => detail.path === field)?.message;
    const otherError = computed(() => {
      const error = scale.error.value;
      return error && error.details.length === 0 ? error.message : undefined;
    });
    const submit = (event: Event) => {
      event.preventDefault();
      void scale.execute({
        ...props,
        minReplicas: toNumber(minReplicas.value),
        maxReplicas: toNumber(maxReplicas.value),
      });
    };
    const numberInput = (id: string, value: typeof minReplicas) =>
      h('input', {
        id,
        type: 'number',
        min: 0,
        value: value.value,
        onInput: (event: Event) => (value.value = (event.target as HTMLInputElement).value),
      });
    return () => {
      const { phase, progress } = operation.value;
      return h(
        'form',
        { onSubmit: submit, 'data-testid': 'scale-form', 'aria-label': `Scale ${service.value?.name ?? ''}` },
        [
          h('h2', { style: { gridColumn: '1 / -1' } }, `Scale ${service.value?.name ?? ''}`),
          h('label', { for: 'min' }, 'Min replicas'),
          numberInput('min', minReplicas),
          h('span', { class: 'field-error', 'data-testid': 'min-error' }, fieldError('minReplicas')),
          h('label', { for: 'max' }, 'Max replicas'),
          numberInput('max', maxReplicas),
          h('span', { class: 'field-error', 'data-testid': 'max-error' }, fieldError('maxReplicas')),
          h('button', { type: 'submit', disabled: phase === 'running' || scale.status.value === 'pending' }, 'Scale'),
          phase !== 'unknown' && [
            h('progress', { 'data-testid': 'progress', max: 100, value: progress }),
            h('output', { 'data-testid': 'phase' }, `${phase} ${progress}%`),
          ],
          otherError.value && h('p', { role: 'alert' }, otherError.value),
        ],
      );
    };
  },
});

const Console = defineComponent({
  props: { userName: { type: String, required: true } },
  setup(props) {
    // The tenants array keeps its identity until a tenant changes: this component renders for those changes only.
    const tenants = useBackendState((state) => state?.tenants ?? NO_TENANTS);
    const selected = ref<Selection>();
    return () =>
      h('main', [
        h('header', [
          h('h1', 'Aurora services'),
          h('span', { class: 'muted' }, [`${props.userName} · live updates `, h(LiveState)]),
        ]),
        h('table', { 'data-testid': 'services' }, [
          h(
            'thead',
            h(
              'tr',
              ['Service', 'Tenant', 'Status', 'Replicas'].map((title) => h('th', title)),
            ),
          ),
          h(
            'tbody',
            tenants.value.flatMap((tenant) =>
              tenant.services.map((service) =>
                h(ServiceRow, {
                  key: service.id,
                  tenantId: tenant.id,
                  tenantName: tenant.name,
                  serviceId: service.id,
                  selected: selected.value?.serviceId === service.id,
                  onSelect: () => (selected.value = { tenantId: tenant.id, serviceId: service.id }),
                }),
              ),
            ),
          ),
        ]),
        selected.value && h(ScaleForm, { key: selected.value.serviceId, ...selected.value }),
      ]);
  },
});

const App = defineComponent({
  setup() {
    provideBackend({ bridge, handler });
    const userName = useBackendState((state) => state?.name);
    return () => (userName.value === undefined ? h(SignIn) : h(Console, { userName: userName.value }));
  },
});

createApp(App).mount('#root');
