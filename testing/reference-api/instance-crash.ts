import { restingStatus } from './deployments';
import { instanceCrashed } from './notification-drafts';
import { notify } from './notifications';
import type { InstanceRecord, ServiceRecord } from './records';
import type { Store } from './store';

/**
 * Makes instance `instanceId` crash, as a test or demo control: it becomes `failed` (a newer `updatedAt`),
 * its service `degraded` unless an operation is working on it, and every member of the tenant is told
 * (`instance_crashed`). A crashed instance runs again after `restartInstance` or `restartService`. Throws an
 * Error when no service has that instance.
 */
export function crashInstance(store: Store, instanceId: string): { service: ServiceRecord; instance: InstanceRecord } {
  for (const service of store.services.values()) {
    const instance = service.instances.find((item) => item.id === instanceId);
    if (instance === undefined) continue;
    instance.status = 'failed';
    instance.updatedAt = store.timestamp();
    instance.logs.push(`${instance.updatedAt} ERROR Container ${instance.role} exited with code 137 (OOMKilled)`);
    if (service.busyWith === undefined) service.status = restingStatus(service);
    service.updatedAt = store.timestamp();
    const members = store.membersOf(service.tenant).map((membership) => membership.userId);
    notify(store, members, instanceCrashed(service, instance));
    return { service, instance };
  }
  throw new Error(`No service has instance ${instanceId}; pick one from a service's roles[].instances`);
}
