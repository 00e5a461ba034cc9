/**
 * The bindings' fan-out: 1,000 mounted components, each selecting one service of a 10,000-service tree
 * (100 tenants of 100 services) with `createSelection` over `stateStore`, as `useBackendState` does in Vue and
 * React. Each commit changes one service and emits `state:changed`; every component reads its snapshot again
 * and "renders" when its selection changed identity, as useSyncExternalStore and the Vue ref do.
 * Reported: the cost of a commit with those 1,000 components against the same commit followed by calling the
 * 1,000 selectors directly (the work no binding can avoid), and the renders of components whose service did not
 * change (target 0).
 */
import { createSelection, stateStore } from '../bindings/core';
import { createWUIBridge } from '../event-helper';
import type { User } from '../interfaces/user-interface';
import { commitState } from '../state/commit-state';
import type { UserState } from '../state/user-state';
import { buildService, buildTenant, buildUser } from '../testing/factories';

const TENANTS = 100;
const SERVICES_PER_TENANT = 100;
const COMPONENTS = 1_000;
const COMMITS = 2_000;

const stamp = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms).toISOString();

function bigUser(): User {
  const tenants = Array.from({ length: TENANTS }, (_, t) =>
    buildTenant({
      id: `ten-${t}`,
      updatedAt: stamp(0),
      services: Array.from({ length: SERVICES_PER_TENANT }, (_, s) =>
        buildService({ id: `svc-${t}-${s}`, tenant: `ten-${t}`, links: [], updatedAt: stamp(0) }),
      ),
    }),
  );
  return buildUser({ tenants, updatedAt: stamp(0) });
}

/** The tree with service `index` (of all) given a new status and timestamp, as a pushed change brings it. */
function changeOne(state: User, index: number, at: number): User {
  const t = Math.floor(index / SERVICES_PER_TENANT) % TENANTS;
  const s = index % SERVICES_PER_TENANT;
  return {
    ...state,
    tenants: state.tenants.map((tenant, i) =>
      i !== t
        ? tenant
        : {
            ...tenant,
            services: tenant.services.map((service, j) =>
              j !== s ? service : { ...service, status: at % 2 === 0 ? 'degraded' : 'running', updatedAt: stamp(at) },
            ),
          },
    ),
  };
}

interface Run {
  msPerCommit: number;
  renders: number;
  wasted: number;
}

function run(components: number, direct = false): Run {
  const bridge = createWUIBridge();
  let state: UserState = commitState(null, bigUser());
  const handler = { getState: () => state };
  const claim = bridge.claim(['loadUser'], () => undefined);
  const store = stateStore(bridge, handler);
  let renders = 0;
  let wasted = 0;
  // Component c follows service c * 10 (spread over every tenant); the commits change services 0, 1, 2, ...
  const selectors: Array<() => unknown> = [];
  for (let c = 0; c < components; c++) {
    const index = (c * 10) % (TENANTS * SERVICES_PER_TENANT);
    const tenantId = `ten-${Math.floor(index / SERVICES_PER_TENANT)}`;
    const serviceId = `svc-${Math.floor(index / SERVICES_PER_TENANT)}-${index % SERVICES_PER_TENANT}`;
    const pick = (tree: UserState) =>
      tree?.tenants.find((tenant) => tenant.id === tenantId)?.services.find((service) => service.id === serviceId);
    const select = createSelection(pick);
    let shown = select(store.getSnapshot());
    if (direct) {
      selectors.push(() => pick(state));
      continue;
    }
    store.subscribe(() => {
      const next = select(store.getSnapshot());
      if (next === shown) return;
      shown = next;
      renders++;
      if (next?.id !== serviceIdChanged) wasted++;
    });
  }
  let serviceIdChanged = '';
  const started = performance.now();
  for (let i = 0; i < COMMITS; i++) {
    const index = i % (TENANTS * SERVICES_PER_TENANT);
    serviceIdChanged = `svc-${Math.floor(index / SERVICES_PER_TENANT)}-${index % SERVICES_PER_TENANT}`;
    state = commitState(state, changeOne(state as User, index, i + 1));
    claim.notify('state:changed', state, { requestId: 'bench', name: 'loadUser' });
    for (const selector of selectors) selector();
  }
  const msPerCommit = (performance.now() - started) / COMMITS;
  claim.release();
  return { msPerCommit, renders, wasted };
}

export function runBindingsSelectBench(): void {
  run(COMPONENTS); // warm-up
  const baseline = run(COMPONENTS, true);
  const measured = run(COMPONENTS);
  const expected = Array.from({ length: COMMITS }, (_, i) => i % (TENANTS * SERVICES_PER_TENANT)).filter(
    (index) => index % 10 === 0,
  ).length;
  const ratio = measured.msPerCommit / baseline.msPerCommit;
  console.log(
    `bindings: commit + state:changed to ${COMPONENTS} components each selecting 1 of 10,000 services vs the commit and the same selectors called directly\n` +
      `  ${ratio.toFixed(3)} x time (${measured.msPerCommit.toFixed(3)} ms vs ${baseline.msPerCommit.toFixed(3)} ms per commit; target <= 1.5: ${ratio <= 1.5 ? 'meets' : 'MISSES'})`,
  );
  console.log(
    `bindings: renders of components whose service did not change, over ${COMMITS} commits\n` +
      `  ${measured.wasted} (renders ${measured.renders}, expected ${expected}; target 0: ${measured.wasted === 0 && measured.renders === expected ? 'meets' : 'MISSES'})`,
  );
}
