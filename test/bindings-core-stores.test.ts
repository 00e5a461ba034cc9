import type { StreamStatus } from '../api/stream/stream-status';
import {
  createBackendBinding,
  createSelection,
  stateStore,
  streamStatusStore,
  Subscribable,
} from '../bindings/core/index';
import type { UserState } from '../state/user-state';
import { createFakeBackend, listenerCounts } from './support/fake-backend';
import { twoTenants, withService } from './support/state-tree';

describe('createSelection', () => {
  const tenantA = (state: UserState) => state?.tenants.find((tenant) => tenant.id === 'ten-a');

  it('calls the selector once per tree, and returns the same value for the same tree', () => {
    const select = jest.fn(tenantA);
    const selection = createSelection(select);
    const tree = twoTenants();
    expect(selection(tree)).toBe(selection(tree));
    expect(select).toHaveBeenCalledTimes(1);
  });

  it('keeps the slice’s identity across trees where it did not change, and gives the new one when it did', () => {
    const selection = createSelection(tenantA);
    const tree = twoTenants();
    const slice = selection(tree);
    expect(selection(withService(tree, 'ten-b', 'svc-b', { status: 'stopped' }))).toBe(slice);
    const changed = withService(tree, 'ten-a', 'svc-a', { status: 'stopped' });
    expect(selection(changed)).toBe(tenantA(changed));
    expect(selection(changed)).not.toBe(slice);
  });

  it('with isEqual, returns the previous value for an equal new one', () => {
    const names = (state: UserState) => state?.tenants.map((tenant) => tenant.name) ?? [];
    const selection = createSelection(names, (a, b) => a.join() === b.join());
    const tree = twoTenants();
    const first = selection(tree);
    expect(selection(withService(tree, 'ten-a', 'svc-a', { status: 'stopped' }))).toBe(first);
    expect(selection({ ...tree, tenants: tree.tenants.slice(1) })).toEqual(['beta']);
  });
});

describe('stateStore and streamStatusStore', () => {
  it('read the handler now, and call back on state:changed and stream:status until unsubscribed', () => {
    const fake = createFakeBackend(null);
    const state = stateStore(fake.bridge, fake.backend.handler);
    const stream = streamStatusStore(fake.bridge, fake.backend.handler);
    const calls: string[] = [];
    const offs = [state.subscribe(() => calls.push('state')), stream.subscribe(() => calls.push('stream'))];
    const tree = twoTenants();
    const open: StreamStatus = { state: 'open', role: 'own', attempt: 0 };

    fake.setState(tree);
    fake.setStreamStatus(open);
    for (const off of offs) off();
    fake.setState(null);

    expect(calls).toEqual(['state', 'stream']);
    expect(stream.getSnapshot()).toBe(open);
    expect(state.getSnapshot()).toBeNull();
    expect(fake.bridge.listenerCount('state:changed')).toBe(0);
  });
});

describe('Subscribable', () => {
  it('notifies each subscription until it is removed; one function subscribed twice is two subscriptions', () => {
    const log: string[] = [];
    const subscribable = new Subscribable();
    const listener = () => log.push('notified');
    const offFirst = subscribable.subscribe(listener);
    const offSecond = subscribable.subscribe(listener);
    subscribable.notify();
    offFirst();
    offFirst();
    expect(subscribable.size).toBe(1);
    offSecond();
    subscribable.notify();
    expect(subscribable.size).toBe(0);
    expect(log).toEqual(['notified', 'notified']);
  });
});

describe('createBackendBinding', () => {
  it('attaches its operation registry and notification feed on first use, and dispose() releases them; used again, it attaches anew', () => {
    const fake = createFakeBackend();
    const baseline = listenerCounts(fake.bridge);
    const binding = createBackendBinding(fake.backend, { operationCapacity: 5 });
    expect(listenerCounts(fake.bridge)).toEqual(baseline);

    const operations = binding.operations;
    expect(binding.operations).toBe(operations);
    binding.notifications.getSnapshot();
    expect(listenerCounts(fake.bridge)).not.toEqual(baseline);
    binding.dispose();
    expect(listenerCounts(fake.bridge)).toEqual(baseline);

    expect(binding.operations).not.toBe(operations);
    binding.dispose();
    expect(listenerCounts(fake.bridge)).toEqual(baseline);
    expect(binding.bridge).toBe(fake.bridge);
    expect(binding.handler).toBe(fake.backend.handler);
  });
});
