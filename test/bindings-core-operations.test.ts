import { createOperationRegistry, type OperationRegistry } from '../bindings/core/index';
import { BackendError } from '../errors/backend-error';
import type { OperationEventMeta } from '../event-names';
import type { Operation } from '../interfaces/operation-interface';
import { buildOperation } from '../testing/factories';
import { createFakeBackend, listenerCounts, type FakeBackend } from './support/fake-backend';

const running = (id: string, progress = 0): Operation =>
  buildOperation({ id, kind: 'scaleService', status: 'running', progress });

const metaOf = (requestId: string, operation: Operation): OperationEventMeta => ({
  requestId,
  name: 'scaleService',
  operationId: operation.id,
  target: operation.target,
});

/** Emits a scaleService request and has the fake handler accept it with `operation`; returns its requestId. */
function accepted(fake: FakeBackend, operation: Operation): string {
  const requestId = fake.bridge.emit('scaleService', {
    tenantId: operation.target.tenant,
    serviceId: operation.target.id,
    minReplicas: 1,
    maxReplicas: 2,
  });
  fake.claim.accept(requestId, operation);
  return requestId;
}

const described = (registry: OperationRegistry, id: string) => {
  const { phase, progress, error } = registry.get(id);
  return `${phase} ${progress}${error === undefined ? '' : ` ${error.code}`}`;
};

describe('createOperationRegistry', () => {
  it('finds an operation by the request that started it and by its own id, through progress to completion', () => {
    const fake = createFakeBackend();
    const registry = createOperationRegistry(fake.bridge);
    const changes: string[] = [];
    registry.subscribe(() => changes.push(described(registry, 'op-1')));

    const requestId = accepted(fake, running('op-1'));
    fake.claim.notify('operation:progress', running('op-1', 40), metaOf(requestId, running('op-1')));
    const done = { ...running('op-1'), status: 'succeeded' as const, progress: 100 };
    fake.claim.notify('operation:completed', done, metaOf(requestId, done));

    expect(changes).toEqual(['running 0', 'running 40', 'completed 100']);
    expect(registry.get(requestId)).toBe(registry.get('op-1'));
    expect(registry.get('op-1')).toMatchObject({ operation: done, requestId });
    expect(Object.isFrozen(registry.get('op-1'))).toBe(true);
  });

  it('reads unknown for an unknown id and for undefined, always the same value', () => {
    const registry = createOperationRegistry(createFakeBackend().bridge);
    expect(registry.get('nope')).toMatchObject({ phase: 'unknown', progress: 0, operation: undefined });
    expect(registry.get(undefined)).toBe(registry.get('nope'));
  });

  it('keeps a failure typed with the progress it reached, and ignores a late progress after the end', () => {
    const fake = createFakeBackend();
    const registry = createOperationRegistry(fake.bridge);
    const requestId = accepted(fake, running('op-2', 70));
    const failure = new BackendError({ code: 'SERVER', message: 'the node pool is full' });
    fake.claim.notify('operation:failed', failure, metaOf(requestId, running('op-2')));
    fake.claim.notify('operation:progress', running('op-2', 90), metaOf(requestId, running('op-2')));

    expect(described(registry, requestId)).toBe('failed 70 SERVER');
    expect(registry.get('op-2').error).toBe(failure);
  });

  it('beyond its capacity, drops the oldest ended operation first and keeps running ones', () => {
    const fake = createFakeBackend();
    const registry = createOperationRegistry(fake.bridge, 2);
    const first = accepted(fake, running('op-a'));
    const second = accepted(fake, running('op-b'));
    const done = { ...running('op-b'), status: 'succeeded' as const, progress: 100 };
    fake.claim.notify('operation:completed', done, metaOf(second, done));
    accepted(fake, running('op-c'));

    expect(['op-a', 'op-b', 'op-c'].map((id) => registry.get(id).phase)).toEqual(['running', 'unknown', 'running']);
    expect(registry.get(second).phase).toBe('unknown');
    expect(registry.get(first).phase).toBe('running');

    // With only running ones left, the oldest goes.
    accepted(fake, running('op-d'));
    expect(['op-a', 'op-c', 'op-d'].map((id) => registry.get(id).phase)).toEqual(['unknown', 'running', 'running']);
  });

  it('dispose() removes every listener it put on the bridge', () => {
    const fake = createFakeBackend();
    const baseline = listenerCounts(fake.bridge);
    const registry = createOperationRegistry(fake.bridge);
    expect(listenerCounts(fake.bridge)).not.toEqual(baseline);
    registry.dispose();
    expect(listenerCounts(fake.bridge)).toEqual(baseline);
  });
});
