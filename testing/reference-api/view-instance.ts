import type { Instance } from '../../interfaces';
import type { InstanceRecord, ServiceRecord } from './records';
import { containerMetrics, instanceUsage } from './usage';

/** The instance as the API shows it, with its one container and live metrics. */
export function instanceView(service: ServiceRecord, instance: InstanceRecord, liveAt?: number): Instance {
  const role = service.spec.roles.find((item) => item.name === instance.role);
  const request = { cpu: role?.cpu ?? 0, memory: role?.memory ?? 0 };
  const running = instance.status === 'running';
  return {
    id: instance.id,
    name: instance.name,
    status: instance.status,
    usage: instanceUsage(service, instance, liveAt),
    logs: instance.logs.slice(-20),
    containers: [
      {
        name: instance.role,
        ready: running,
        restartCount: instance.restartCount,
        metrics: containerMetrics(instance, request, liveAt),
        state: running
          ? { status: 'running', startedAt: instance.startedAt }
          : instance.status === 'pending'
            ? { status: 'waiting', reason: 'ContainerCreating' }
            : { status: instance.status === 'failed' ? 'waiting' : 'terminated', reason: 'CrashLoopBackOff' },
      },
    ],
    createdAt: instance.createdAt,
    updatedAt: instance.updatedAt,
  };
}
