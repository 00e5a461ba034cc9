import type { ServiceSpec } from '../../api/contract/service-spec';
import type { ErrorDetail } from '../../errors/backend-error';
import type { ServiceStatus } from '../../interfaces';
import { ApiError } from './errors';
import type { AccountRecord, EnvironmentRecord, InstanceRecord, OperationRecord, ServiceRecord } from './records';
import type { Store } from './store';

function duplicates(names: readonly string[], path: (index: number) => string, what: string): ErrorDetail[] {
  return names.flatMap((name, index) =>
    names.indexOf(name) === index ? [] : [{ path: path(index), message: `duplicate ${what} name ${name}` }],
  );
}

/**
 * Checks what the spec's schema cannot: its environment, account and resources exist in the tenant and fit
 * together, names are unique, replicas are ordered. 400 with one detail per problem.
 */
export function validateSpec(
  store: Store,
  tenantId: string,
  spec: ServiceSpec,
): { environment: EnvironmentRecord; account: AccountRecord } {
  const details: ErrorDetail[] = [];
  const environment = store.environments.get(spec.environment);
  const account = store.accounts.get(spec.account);
  if (environment?.tenant !== tenantId) {
    details.push({ path: 'environment', message: `no environment ${spec.environment} in this tenant` });
  }
  if (account?.tenant !== tenantId) {
    details.push({ path: 'account', message: `no account ${spec.account} in this tenant` });
  } else if (environment?.tenant === tenantId && environment.account !== account.id) {
    details.push({
      path: 'account',
      message: `environment ${environment.name} runs on account ${environment.account}, not ${account.id}`,
    });
  }
  if (spec.minReplicas > spec.maxReplicas)
    details.push({ path: 'maxReplicas', message: 'must be at least minReplicas' });
  details.push(
    ...duplicates(
      spec.roles.map((role) => role.name),
      (index) => `roles.${index}.name`,
      'role',
    ),
  );
  const channelNames = spec.channels.map((channel) => channel.name);
  details.push(...duplicates(channelNames, (index) => `channels.${index}.name`, 'channel'));
  spec.channels.forEach((channel, index) => {
    if (channel.kind !== 'client' && channel.port === undefined) {
      details.push({ path: `channels.${index}.port`, message: `a ${channel.kind} channel needs a port` });
    }
  });
  spec.links.forEach((link, index) => {
    for (const end of ['origin', 'target'] as const) {
      if (!channelNames.includes(link[end])) {
        details.push({ path: `links.${index}.${end}`, message: `no channel ${link[end]} in this deployment` });
      }
    }
  });
  spec.resources.forEach((id, index) => {
    if (store.resources.get(id)?.tenant !== tenantId) {
      details.push({ path: `resources.${index}`, message: `no resource ${id} in this tenant` });
    }
  });
  if (details.length > 0 || environment === undefined || account === undefined) {
    throw new ApiError('VALIDATION', 'The service spec is invalid', details);
  }
  return { environment, account };
}

/** Images whose name contains `fail` cannot be pulled: their deployment fails. */
export function imageFailure(spec: ServiceSpec): OperationRecord['failure'] {
  if (!spec.imageName.includes('fail')) return undefined;
  return {
    code: 'SERVER',
    message: `Image ${spec.imageName} could not be pulled from ${spec.registry}: manifest unknown. Check the image name and tag`,
  };
}

function logLine(store: Store, text: string): string {
  return `${store.timestamp()} INFO ${text}`;
}

/** A new running instance of `role`, with the log lines of its start. */
export function spawnInstance(store: Store, spec: ServiceSpec, role: string, index: number): InstanceRecord {
  const now = store.timestamp();
  const listening = spec.channels
    .filter((channel) => channel.kind !== 'client' && channel.port !== undefined)
    .map((channel) =>
      logLine(store, `Listening on ${channel.protocol} port ${String(channel.port)} (${channel.name})`),
    );
  return {
    id: store.nextId('inst'),
    role,
    name: `${spec.name}-${role}-${index}`.slice(0, 100),
    status: 'running',
    restartCount: 0,
    startedAt: now,
    logs: [
      logLine(store, `Pulling image ${spec.registry}/${spec.imageName}`),
      logLine(store, `Started container ${role}`),
      ...listening,
    ],
    createdAt: now,
    updatedAt: now,
  };
}

/** Brings the instances to `minReplicas` per role; `fresh` replaces them all (a new revision). */
export function reconcileInstances(store: Store, service: ServiceRecord, spec: ServiceSpec, fresh: boolean): void {
  const kept: InstanceRecord[] = [];
  for (const role of spec.roles) {
    const current = fresh ? [] : service.instances.filter((instance) => instance.role === role.name);
    const wanted = current.slice(0, spec.minReplicas);
    for (let index = wanted.length; index < spec.minReplicas; index++) {
      wanted.push(spawnInstance(store, spec, role.name, index));
    }
    kept.push(...wanted);
  }
  service.instances = kept;
}

/** The status of a service no operation is working on, from its instances. */
export function restingStatus(service: ServiceRecord): ServiceStatus {
  if (service.currentRevision === undefined) return 'failed';
  if (service.instances.length === 0) return 'stopped';
  return service.instances.every((instance) => instance.status === 'running') ? 'running' : 'degraded';
}

/** Makes `spec` the running spec of `service` as a new revision, with new instances. */
export function rollOut(store: Store, service: ServiceRecord, spec: ServiceSpec): void {
  const now = store.timestamp();
  const number = service.revisionIds.length + 1;
  const revision = { id: store.nextId('rev'), service: service.id, number, spec, createdAt: now };
  store.revisions.set(revision.id, revision);
  service.revisionIds.push(revision.id);
  service.currentRevision = revision.id;
  service.spec = spec;
  service.pendingSpec = undefined;
  reconcileInstances(store, service, spec, true);
  service.lastDeployed = now;
  service.startedAt ??= now;
  service.status = restingStatus(service);
}

/** Restarts one instance: a new start time, one more restart, a few log lines. */
export function restart(store: Store, instance: InstanceRecord): void {
  instance.status = 'running';
  instance.restartCount += 1;
  instance.startedAt = store.timestamp();
  instance.updatedAt = instance.startedAt;
  instance.logs.push(
    logLine(store, 'Received SIGTERM, shutting down'),
    logLine(store, `Started container ${instance.role}`),
  );
  instance.logs.splice(0, Math.max(0, instance.logs.length - 1000));
}
