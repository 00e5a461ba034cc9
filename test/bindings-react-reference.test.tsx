/** @jest-environment jsdom */
// The React binding on the real handler, talking HTTP to the reference API. jsdom cannot run the server (it
// lacks the fetch API's classes the server is built on), so the server runs in a Node process of its own and
// the handler reaches it through jsdom's XMLHttpRequest, across origins (the API allows any origin). jsdom has
// no fetch, which the live stream needs: operations are followed by polling here.
import { act, render, screen } from '@testing-library/react';
import { useEffect } from 'react';
import { BackendProvider, useBackendState, useOperation, useRequest } from '../react';
import type { UserState } from '../state/user-state';
import { demoCredentials } from '../testing/reference-api/credentials';
import { listenerCounts } from './support/fake-backend';
import { useReferenceBackend } from './support/reference-process';

const reference = useReferenceBackend({ operationDurationMs: 200 });

const shopOf = (state: UserState) =>
  state?.tenants
    .find((tenant) => tenant.name === 'northwind-prod')
    ?.services.find((service) => service.name === 'shop');

type Outcome = Awaited<ReturnType<ReturnType<typeof useRequest<'scaleService'>>['execute']>>;

const phases: string[] = [];

function Console({ onScaled }: { onScaled: (outcome: Outcome) => void }) {
  const login = useRequest('login');
  const shop = useBackendState(shopOf);
  const scale = useRequest('scaleService');
  const operation = useOperation(scale.requestId);
  if (phases.at(-1) !== operation.phase) phases.push(operation.phase);
  useEffect(() => {
    void login.execute(demoCredentials);
  }, [login.execute]);
  useEffect(() => {
    if (shop === undefined || scale.status !== 'idle') return;
    void scale
      .execute({ tenantId: shop.tenant, serviceId: shop.id, minReplicas: 2, maxReplicas: 7 }, { until: 'completed' })
      .then(onScaled);
  }, [shop, scale.status, scale.execute, onScaled]);
  return (
    <p data-testid="console">
      {`${shop?.name ?? 'signed out'} ${shop?.minReplicas ?? '-'}..${shop?.maxReplicas ?? '-'} ${operation.phase} ${operation.progress}`}
    </p>
  );
}

it('signs in, scales a service and follows its operation to the end, through the real handler and API', async () => {
  const { bridge, handler } = reference;
  const baseline = listenerCounts(bridge);
  let scaled!: (outcome: Outcome) => void;
  const done = new Promise<Outcome>((resolve) => (scaled = resolve));
  const { unmount } = render(
    <BackendProvider backend={{ bridge, handler }}>
      <Console onScaled={scaled} />
    </BackendProvider>,
  );

  let outcome: Outcome | undefined;
  await act(async () => {
    outcome = await done;
  });

  expect(outcome).toMatchObject({ ok: true, data: { kind: 'scaleService', status: 'succeeded' } });
  expect(phases).toEqual(['unknown', 'running', 'completed']);
  expect(screen.getByTestId('console').textContent).toBe('shop 2..7 completed 100');
  unmount();
  expect(listenerCounts(bridge)).toEqual(baseline);
});
