// The React binding in one page: sign in, a service list with live status, and a scale action that shows the
// operation's progress and the validation error next to its field. Served by `npm start` at /examples/react/.
import { createBackendHandler, createWUIBridge, type Service, type Tenant } from 'aurora-backend-handler';
import {
  BackendProvider,
  useBackendState,
  useOperation,
  useRequest,
  useStreamStatus,
} from 'aurora-backend-handler/react';
import { memo, StrictMode, useCallback, useState, type SyntheticEvent } from 'react';
import { createRoot } from 'react-dom/client';

// The app owns the bridge and the handler: one of each, on the page's own API.
const bridge = createWUIBridge();
const handler = createBackendHandler({ bridge, environment: { apiBaseUrl: new URL('/api', location.origin).href } });
handler.start();

const DEMO = { email: 'demo@aurora.dev', password: 'aurora-demo-2026' };
const NO_TENANTS: readonly Tenant[] = [];

function App() {
  const userName = useBackendState((state) => state?.name);
  return userName === undefined ? <SignIn /> : <Console userName={userName} />;
}

function SignIn() {
  const login = useRequest('login');
  return (
    <main>
      <h1>Aurora services</h1>
      <button type="button" disabled={login.status === 'pending'} onClick={() => void login.execute(DEMO)}>
        Sign in as {DEMO.email}
      </button>
      {login.error && <p role="alert">{login.error.message}</p>}
    </main>
  );
}

function Console({ userName }: { userName: string }) {
  // The tenants array keeps its identity until a tenant changes: this component renders for those changes only.
  const tenants = useBackendState((state) => state?.tenants ?? NO_TENANTS);
  const [selected, setSelected] = useState<{ tenantId: string; serviceId: string }>();
  return (
    <main>
      <header>
        <h1>Aurora services</h1>
        <span className="muted">
          {userName} · live updates <LiveState />
        </span>
      </header>
      <table data-testid="services">
        <thead>
          <tr>
            <th>Service</th>
            <th>Tenant</th>
            <th>Status</th>
            <th>Replicas</th>
          </tr>
        </thead>
        <tbody>
          {tenants.flatMap((tenant) =>
            tenant.services.map((service) => (
              <ServiceRow
                key={service.id}
                tenantId={tenant.id}
                tenantName={tenant.name}
                serviceId={service.id}
                selected={selected?.serviceId === service.id}
                onSelect={setSelected}
              />
            )),
          )}
        </tbody>
      </table>
      {selected && <ScaleForm key={selected.serviceId} {...selected} />}
    </main>
  );
}

function LiveState() {
  const { state } = useStreamStatus();
  return <span data-testid="stream-state">{state}</span>;
}

/** Selects its own service: it renders again when that service changes, not when another one does. */
function useService(tenantId: string, serviceId: string): Service | undefined {
  return useBackendState((state) =>
    state?.tenants.find((tenant) => tenant.id === tenantId)?.services.find((service) => service.id === serviceId),
  );
}

interface ServiceRowProps {
  tenantId: string;
  tenantName: string;
  serviceId: string;
  selected: boolean;
  onSelect: (selection: { tenantId: string; serviceId: string }) => void;
}

/** Memoised, with plain props: a row renders again when its own service changes, not when a sibling does. */
const ServiceRow = memo(function ServiceRow({ tenantId, tenantName, serviceId, selected, onSelect }: ServiceRowProps) {
  const service = useService(tenantId, serviceId);
  const select = useCallback(() => onSelect({ tenantId, serviceId }), [onSelect, tenantId, serviceId]);
  if (service === undefined) return null;
  return (
    <tr aria-selected={selected} data-testid={`service-${service.name}`}>
      <td>
        <button type="button" onClick={select}>
          {service.name}
        </button>
      </td>
      <td>{tenantName}</td>
      <td className="status" data-testid="status">
        {service.status}
      </td>
      <td data-testid="replicas">
        {service.minReplicas ?? 1}–{service.maxReplicas ?? 1}
      </td>
    </tr>
  );
});

const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

function ScaleForm({ tenantId, serviceId }: { tenantId: string; serviceId: string }) {
  const service = useService(tenantId, serviceId);
  const scale = useRequest('scaleService');
  const operation = useOperation(scale.requestId);
  // What the inputs hold, as typed: an emptied field is sent as NaN, which validation names next to its field.
  const [minReplicas, setMin] = useState(String(service?.minReplicas ?? 1));
  const [maxReplicas, setMax] = useState(String(service?.maxReplicas ?? 1));
  // A VALIDATION error names its fields: each message goes next to its input.
  const fieldError = (field: string) => scale.error?.details.find((detail) => detail.path === field)?.message;
  const otherError = scale.error && scale.error.details.length === 0 ? scale.error.message : undefined;

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    void scale.execute({ tenantId, serviceId, minReplicas: toNumber(minReplicas), maxReplicas: toNumber(maxReplicas) });
  };

  return (
    <form onSubmit={submit} data-testid="scale-form" aria-label={`Scale ${service?.name ?? ''}`}>
      <h2 style={{ gridColumn: '1 / -1' }}>Scale {service?.name}</h2>
      <label htmlFor="min">Min replicas</label>
      <input id="min" type="number" min={0} value={minReplicas} onChange={(e) => setMin(e.target.value)} />
      <span className="field-error" data-testid="min-error">
        {fieldError('minReplicas')}
      </span>
      <label htmlFor="max">Max replicas</label>
      <input id="max" type="number" min={0} value={maxReplicas} onChange={(e) => setMax(e.target.value)} />
      <span className="field-error" data-testid="max-error">
        {fieldError('maxReplicas')}
      </span>
      <button type="submit" disabled={operation.phase === 'running' || scale.status === 'pending'}>
        Scale
      </button>
      {operation.phase !== 'unknown' && (
        <>
          <progress data-testid="progress" max={100} value={operation.progress} />
          <output data-testid="phase">
            {operation.phase} {operation.progress}%
          </output>
        </>
      )}
      {otherError && <p role="alert">{otherError}</p>}
    </form>
  );
}

const root = document.getElementById('root');
if (root === null) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <BackendProvider backend={{ bridge, handler }}>
      <App />
    </BackendProvider>
  </StrictMode>,
);
