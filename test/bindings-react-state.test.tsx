/** @jest-environment jsdom */
import { act, render, renderHook, screen } from '@testing-library/react';
import { Profiler, startTransition, StrictMode, useState, type ReactNode } from 'react';
import { isBackendError } from '../errors/backend-error';
import {
  BackendProvider,
  useBackend,
  useBackendState,
  useEvent,
  useNotifications,
  useOperation,
  useRequest,
  useStreamStatus,
} from '../react';
import type { UserState } from '../state/user-state';
import { createFakeBackend, listenerCounts, type FakeBackend } from './support/fake-backend';
import { twoTenants, withService } from './support/state-tree';

function wrapperOf(fake: FakeBackend) {
  return ({ children }: { children: ReactNode }) => (
    <BackendProvider backend={fake.backend}>{children}</BackendProvider>
  );
}

const serviceOf = (tenantId: string, serviceId: string) => (state: UserState) =>
  state?.tenants.find((tenant) => tenant.id === tenantId)?.services.find((service) => service.id === serviceId);

describe('BackendProvider and useBackend', () => {
  it('gives the tree the bridge and handler it was given', () => {
    const fake = createFakeBackend();
    const { result } = renderHook(() => useBackend(), { wrapper: wrapperOf(fake) });
    expect(result.current.bridge).toBe(fake.bridge);
    expect(result.current.handler).toBe(fake.backend.handler);
  });

  it.each<[string, () => unknown]>([
    ['useBackend', () => useBackend()],
    ['useBackendState', () => useBackendState((state) => state)],
    ['useRequest', () => useRequest('loadUser')],
    ['useOperation', () => useOperation('op-1')],
  ])('%s outside a provider throws the CONFIG error naming it and the provider', (hook, use) => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    let thrown: unknown;
    try {
      renderHook(use);
    } catch (error) {
      thrown = error;
    }
    errors.mockRestore();
    expect(isBackendError(thrown) && thrown.code).toBe('CONFIG');
    expect((thrown as Error).message).toContain(`${hook}() found no backend`);
    expect((thrown as Error).message).toContain('<BackendProvider backend={...}>');
  });

  it('keeps one binding across renders with an inline backend object', () => {
    const fake = createFakeBackend();
    const { bridge, handler } = fake.backend;
    const seen = new Set<unknown>();
    function Child() {
      seen.add(useBackend());
      return null;
    }
    const { rerender } = render(
      <BackendProvider backend={{ bridge, handler }}>
        <Child />
      </BackendProvider>,
    );
    rerender(
      <BackendProvider backend={{ bridge, handler }}>
        <Child />
      </BackendProvider>,
    );
    expect(seen.size).toBe(1);
  });

  it('leaves every event of the bridge at its listener count once the tree unmounts, StrictMode double mount included', () => {
    const fake = createFakeBackend(twoTenants());
    const baseline = listenerCounts(fake.bridge);
    function Everything() {
      useBackendState(serviceOf('ten-a', 'svc-a'));
      useRequest('scaleService');
      useOperation('req-1');
      useEvent('operation:completed', () => undefined);
      useStreamStatus();
      useNotifications();
      return null;
    }
    const { unmount } = render(
      <StrictMode>
        <BackendProvider backend={fake.backend}>
          <Everything />
        </BackendProvider>
      </StrictMode>,
    );
    expect(listenerCounts(fake.bridge)).not.toEqual(baseline);
    unmount();
    expect(listenerCounts(fake.bridge)).toEqual(baseline);
  });
});

describe('useBackendState', () => {
  it('renders a component that selects one service again only when that service changes, not when another tenant does', () => {
    const fake = createFakeBackend(twoTenants());
    const renders: string[] = [];
    function ServiceStatus({ tenantId, serviceId }: { tenantId: string; serviceId: string }) {
      const service = useBackendState(serviceOf(tenantId, serviceId));
      renders.push(`${serviceId}:${service?.status ?? 'none'}`);
      return <p>{service?.status}</p>;
    }
    render(
      <BackendProvider backend={fake.backend}>
        <ServiceStatus tenantId="ten-a" serviceId="svc-a" />
        <ServiceStatus tenantId="ten-b" serviceId="svc-b" />
      </BackendProvider>,
    );
    const user = fake.backend.handler.getState()!;

    act(() => fake.setState(withService(user, 'ten-b', 'svc-b', { status: 'stopped' })));
    act(() => fake.setState(withService(fake.backend.handler.getState()!, 'ten-a', 'svc-a', { status: 'failed' })));

    expect(renders).toEqual(['svc-a:running', 'svc-b:running', 'svc-b:stopped', 'svc-a:failed']);
  });

  it('with isEqual, keeps the shown value (and skips the render) for an equal new one', () => {
    const fake = createFakeBackend(twoTenants());
    const values: unknown[] = [];
    const names = (state: UserState) => state?.tenants.map((tenant) => tenant.name) ?? [];
    const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((name, i) => name === b[i]);
    function TenantNames() {
      values.push(useBackendState(names, sameList));
      return null;
    }
    render(
      <BackendProvider backend={fake.backend}>
        <TenantNames />
      </BackendProvider>,
    );
    act(() => fake.setState(withService(fake.backend.handler.getState()!, 'ten-a', 'svc-a', { status: 'failed' })));
    expect(values).toEqual([['alpha', 'beta']]);
  });

  it('follows a new inline selector at once, and an inline selector neither resubscribes nor loops', () => {
    const fake = createFakeBackend(twoTenants());
    function Picked({ serviceId }: { serviceId: string }) {
      const name = useBackendState(
        (state) =>
          state?.tenants.flatMap((tenant) => tenant.services).find((service) => service.id === serviceId)?.name,
      );
      return <p data-testid="picked">{name}</p>;
    }
    const { rerender } = render(
      <BackendProvider backend={fake.backend}>
        <Picked serviceId="svc-a" />
      </BackendProvider>,
    );
    const subscribed = fake.bridge.listenerCount('state:changed');
    rerender(
      <BackendProvider backend={fake.backend}>
        <Picked serviceId="svc-b" />
      </BackendProvider>,
    );
    expect(screen.getByTestId('picked').textContent).toBe('blog');
    expect(fake.bridge.listenerCount('state:changed')).toBe(subscribed);
  });

  it('reads null signed out, then the tree a sign-in brings', () => {
    const fake = createFakeBackend(null);
    const { result } = renderHook(() => useBackendState((state) => state?.name ?? 'signed out'), {
      wrapper: wrapperOf(fake),
    });
    expect(result.current).toBe('signed out');
    act(() => fake.setState(twoTenants()));
    expect(result.current).toBe(twoTenants().name);
  });

  it('never commits components showing different trees: a store change during a transition render re-renders them together', () => {
    const fake = createFakeBackend(twoTenants());
    const commits: string[][] = [];
    let changeDuringRender = false;
    function Reader({ index }: { index: number; tick: number }) {
      // Inline, as components write it: a new selector at each render.
      const seen = useBackendState((state) => state?.name);
      if (index === 2 && changeDuringRender) {
        changeDuringRender = false;
        fake.setState({ ...fake.backend.handler.getState()!, name: 'Version 2' });
      }
      return <span data-testid="reader">{seen}</span>;
    }
    let setTick: (tick: number) => void = () => undefined;
    function Readers() {
      const [tick, set] = useState(0);
      setTick = set;
      return [0, 1, 2, 3, 4].map((index) => <Reader key={index} index={index} tick={tick} />);
    }
    const recordCommit = () =>
      commits.push([...new Set(screen.queryAllByTestId('reader').map((element) => element.textContent))]);
    render(
      <BackendProvider backend={fake.backend}>
        <Profiler id="readers" onRender={recordCommit}>
          <Readers />
        </Profiler>
      </BackendProvider>,
    );
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    changeDuringRender = true;
    act(() => startTransition(() => setTick(1)));
    errors.mockRestore();

    expect(commits.every((shown) => shown.length === 1)).toBe(true);
    expect(commits.at(-1)).toEqual(['Version 2']);
    expect(commits.length).toBeGreaterThan(1);
  });
});
