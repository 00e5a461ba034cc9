import type { Operation } from '../interfaces/operation-interface';
import { demoCredentials } from '../testing';
import { settleAll } from './support/http-abort';
import { scriptedLiveSource } from './support/live-source';
import { findService, serviceOf, tenantOf, useReferenceApi } from './support/reference';
import { SEED, blogForm } from './support/reference-seed';

const { signIn } = useReferenceApi();
const { prod } = SEED.tenants;
const { payments } = SEED.services;

/** A handler on a reference API whose operations take `operationDurationMs`, with a scripted live source. */
async function signedIn(operationDurationMs: number) {
  const live = scriptedLiveSource();
  const context = await signIn(demoCredentials, { operationDurationMs, handler: { stream: { source: live.factory } } });
  return { ...context, live };
}

function ended(context: Awaited<ReturnType<typeof signedIn>>, event: 'operation:completed' | 'operation:failed') {
  return new Promise<void>((resolve) => {
    context.bridge.on(event, () => resolve());
  });
}

describe('operations visible from the start', () => {
  it('shows a new service at once, deploying with its operation, and settles it when the operation completes', async () => {
    // Long enough that it cannot end before the assertions, however busy the machine; ended by the test.
    const context = await signedIn(60_000);
    const completed = ended(context, 'operation:completed');

    const accepted: Operation = await context.bridge.request('deployService', blogForm());

    const shown = findService(context.handler.getState(), prod, 'blog');
    expect(shown).toMatchObject({ id: accepted.target.id, status: 'deploying', operation: accepted.id });
    const environment = tenantOf(context.handler.getState(), prod).environments.find(
      (item) => item.id === SEED.environments.production,
    );
    expect(environment?.services).toContain(accepted.target.id);
    context.api.advanceOperations(Infinity);
    await completed;
    const settled = findService(context.handler.getState(), prod, 'blog');
    expect(settled?.status).toBe('running');
    expect(settled?.operation).toBeUndefined();
  });

  it('keeps a first deploy that failed in the tree as failed, since the API keeps it so', async () => {
    const context = await signedIn(100);
    const failed = ended(context, 'operation:failed');

    await context.bridge.request('deployService', blogForm({ imageName: 'northwind/blog:fail-1' }));
    await failed;

    expect(findService(context.handler.getState(), prod, 'blog')).toMatchObject({ status: 'failed' });
    expect(
      context.api.store.services.get(findService(context.handler.getState(), prod, 'blog')?.id ?? ''),
    ).toMatchObject({ status: 'failed' });
  });

  it('shows a deleted service as deleting with its operation, and drops it when its deletion is pushed', async () => {
    const context = await signedIn(60_000);
    context.live.status('open');

    const accepted: Operation = await context.bridge.request('deleteService', { tenantId: prod, serviceId: payments });
    expect(serviceOf(context.handler.getState(), prod, payments)).toMatchObject({
      status: 'deleting',
      operation: accepted.id,
    });

    context.live.push(context.live.event('service.deleted', { id: payments, tenant: prod }));
    await settleAll();

    expect(findService(context.handler.getState(), prod, 'payments')).toBeUndefined();
    const tenant = tenantOf(context.handler.getState(), prod);
    expect([...tenant.environments, ...tenant.accounts].some((item) => item.services.includes(payments))).toBe(false);
    expect(context.httpCalls.filter((call) => call.includes('/operations'))).toEqual([]);
  });
});
