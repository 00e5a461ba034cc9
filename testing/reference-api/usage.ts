import type { ServiceSpec } from '../../api/contract/service-spec';
import type { ContainerMetrics, Usage, UsageCurrent } from '../../interfaces';
import { invalid } from './errors';
import { planLimitMet } from './notification-drafts';
import { notify } from './notifications';
import type { EnvironmentRecord, InstanceRecord, Limits, ServiceRecord } from './records';
import type { Store } from './store';

/** What the freemium plan allows in total, over the services of every tenant its user owns. */
export const FREEMIUM_LIMITS: Limits = { cpu: 2, memory: 4096 };
/** Default quota of a new environment, by the plan of the tenant's owner. */
export const DEFAULT_ENVIRONMENT_LIMITS = { freemium: FREEMIUM_LIMITS, premium: { cpu: 32, memory: 65_536 } } as const;

const round = (value: number, digits = 3): number => Math.round(value * 10 ** digits) / 10 ** digits;
const ZERO: UsageCurrent = {
  cpu: 0,
  memory: 0,
  storage: 0,
  volatileStorage: 0,
  nonReplicatedStorage: 0,
  persistentStorage: 0,
};

/** What a deployment reserves: every role's vCPU and MB times `maxReplicas`. */
export function demandOf(spec: Pick<ServiceSpec, 'roles' | 'maxReplicas'>): Limits {
  const perReplica = spec.roles.reduce((sum, role) => ({ cpu: sum.cpu + role.cpu, memory: sum.memory + role.memory }), {
    cpu: 0,
    memory: 0,
  });
  return { cpu: round(perReplica.cpu * spec.maxReplicas), memory: perReplica.memory * spec.maxReplicas };
}

function sumDemand(services: readonly ServiceRecord[]): Limits {
  return services.reduce(
    (sum, service) => {
      const demand = demandOf(service.pendingSpec ?? service.spec);
      return { cpu: round(sum.cpu + demand.cpu), memory: sum.memory + demand.memory };
    },
    { cpu: 0, memory: 0 },
  );
}

/** The quota of an environment: its own, or the default of its tenant owner's current plan. */
export function environmentLimits(store: Store, environment: EnvironmentRecord): Limits {
  if (environment.limits !== undefined) return environment.limits;
  const ownerId = store.ownerOf(environment.tenant);
  const plan = (ownerId === undefined ? undefined : store.users.get(ownerId))?.axebowPlan ?? 'freemium';
  return DEFAULT_ENVIRONMENT_LIMITS[plan];
}

const exceeds = (use: Limits, limit: Limits): boolean => use.cpu > limit.cpu || use.memory > limit.memory;

/** Who asks for a deployment, and the service it supersedes (updates, scaling, rollbacks). */
export interface CapacityRequest {
  /** The service the deployment replaces: its own reservation does not count. */
  replacing?: string;
  /** The user who asked: a refusal also leaves them a `plan_limit` notification. */
  requestedBy?: string;
}

function refuse(store: Store, tenantId: string, request: CapacityRequest, message: string, title: string): never {
  notify(store, request.requestedBy === undefined ? [] : [request.requestedBy], planLimitMet(tenantId, title, message));
  throw invalid('roles', message, title);
}

/**
 * Refuses (400, detail path `roles`) a deployment of `spec` in `tenantId` that would take the tenant owner
 * past the freemium plan, or the environment past its limits.
 */
export function checkCapacity(store: Store, tenantId: string, spec: ServiceSpec, request: CapacityRequest = {}): void {
  const demand = demandOf(spec);
  const others = (service: ServiceRecord) => service.id !== request.replacing;
  const ownerId = store.ownerOf(tenantId);
  const owner = ownerId === undefined ? undefined : store.users.get(ownerId);
  if (owner?.axebowPlan === 'freemium') {
    const owned = [...store.tenants.keys()].filter((id) => store.ownerOf(id) === owner.id);
    const used = sumDemand(owned.flatMap((id) => store.servicesOf(id)).filter(others));
    const total = { cpu: round(used.cpu + demand.cpu), memory: used.memory + demand.memory };
    if (exceeds(total, FREEMIUM_LIMITS)) {
      refuse(
        store,
        tenantId,
        request,
        `The freemium plan allows ${FREEMIUM_LIMITS.cpu} vCPU and ${FREEMIUM_LIMITS.memory} MB in total; with this deployment the services of ${owner.email} would reserve ${total.cpu} vCPU and ${total.memory} MB. Upgrade to premium (changePlan) or request less`,
        'The deployment exceeds the freemium plan',
      );
    }
  }
  const environment = store.environments.get(spec.environment);
  if (environment === undefined) return;
  const inEnvironment = [...store.services.values()].filter(
    (service) => service.spec.environment === environment.id && others(service),
  );
  const used = sumDemand(inEnvironment);
  const total = { cpu: round(used.cpu + demand.cpu), memory: used.memory + demand.memory };
  const limits = environmentLimits(store, environment);
  if (exceeds(total, limits)) {
    refuse(
      store,
      tenantId,
      request,
      `Environment ${environment.name} allows ${limits.cpu} vCPU and ${limits.memory} MB; with this deployment its services would reserve ${total.cpu} vCPU and ${total.memory} MB`,
      'The deployment exceeds the limits of its environment',
    );
  }
}

/** A stable number in [0, 1) for an id, so that metrics look alive but stay deterministic. */
export function fractionOf(id: string): number {
  let hash = 2_166_136_261;
  for (let index = 0; index < id.length; index++) {
    hash ^= id.charCodeAt(index);
    hash = Math.imul(hash, 16_777_619);
  }
  return (hash >>> 0) / 2 ** 32;
}

/**
 * Metrics of the container of `instance`, which requests `request` vCPU/MB: a steady load per instance, or,
 * with `liveAt` (a time in ms), one that drifts slowly around it, so that a usage chart has something to show.
 */
export function containerMetrics(instance: InstanceRecord, request: Limits, liveAt?: number): ContainerMetrics {
  if (instance.status !== 'running') return { cpu: 0, memory: 0 };
  const steady = fractionOf(instance.id);
  const drift = liveAt === undefined ? 0 : 0.3 * Math.sin((2 * Math.PI * liveAt) / 90_000 + steady * 2 * Math.PI);
  const load = Math.min(1, Math.max(0, steady + drift));
  return { cpu: round(request.cpu * (0.15 + 0.6 * load)), memory: Math.round(request.memory * (0.35 + 0.5 * load)) };
}

function roleRequest(spec: ServiceSpec, roleName: string): Limits {
  const role = spec.roles.find((item) => item.name === roleName);
  return { cpu: role?.cpu ?? 0, memory: role?.memory ?? 0 };
}

/** Monthly cost of what is reserved: vCPU, GB of memory and GB of storage. */
function costOf(cpu: number, memory: number, storage: number): number {
  return round(cpu * 18 + (memory / 1024) * 4 + (storage / 1024) * 0.1, 2);
}

function usage(current: UsageCurrent, limits: Limits, minimum: Limits, cost: number): Usage {
  const storage = { max: Math.max(current.storage, 0), min: 0 };
  return {
    current,
    limit: {
      cpu: { max: limits.cpu, min: minimum.cpu },
      memory: { max: limits.memory, min: minimum.memory },
      storage,
      volatileStorage: { max: current.volatileStorage, min: 0 },
      nonReplicatedStorage: { max: current.nonReplicatedStorage, min: 0 },
      persistentStorage: { max: current.persistentStorage, min: 0 },
    },
    cost,
  };
}

/** Usage of one instance: its container's metrics against its role's request. */
export function instanceUsage(service: ServiceRecord, instance: InstanceRecord, liveAt?: number): Usage {
  const request = roleRequest(service.spec, instance.role);
  const metrics = containerMetrics(instance, request, liveAt);
  return usage({ ...ZERO, ...metrics }, request, request, costOf(request.cpu, request.memory, 0));
}

function storageOf(store: Store, spec: ServiceSpec): UsageCurrent {
  const storage = { ...ZERO };
  for (const id of spec.resources) {
    const resource = store.resources.get(id);
    if (resource?.type !== 'volume' || resource.kind === undefined) continue;
    const size = Number(resource.value);
    if (!Number.isFinite(size) || size < 0) continue;
    storage.storage += size;
    storage[`${resource.kind}Storage`] += size;
  }
  return storage;
}

/** Usage of a service: its running containers, its reserved range (min/max replicas) and its volumes. */
export function serviceUsage(store: Store, service: ServiceRecord): Usage {
  const current = storageOf(store, service.spec);
  for (const instance of service.instances) {
    const metrics = containerMetrics(instance, roleRequest(service.spec, instance.role), store.liveMetricsAt());
    current.cpu = round(current.cpu + metrics.cpu);
    current.memory += metrics.memory;
  }
  const maximum = demandOf(service.spec);
  const minimum = demandOf({ roles: service.spec.roles, maxReplicas: service.spec.minReplicas });
  const running = service.instances.reduce(
    (sum, instance) => {
      const request = roleRequest(service.spec, instance.role);
      return { cpu: sum.cpu + request.cpu, memory: sum.memory + request.memory };
    },
    { cpu: 0, memory: 0 },
  );
  return usage(current, maximum, minimum, costOf(running.cpu, running.memory, current.storage));
}

/** Adds up usages (an environment's services, an account's environments) under a quota. */
export function totalUsage(usages: readonly Usage[], limits: Limits): Usage {
  const current = { ...ZERO };
  let cost = 0;
  for (const item of usages) {
    for (const key of Object.keys(current) as Array<keyof UsageCurrent>)
      current[key] = round(current[key] + item.current[key]);
    cost = round(cost + item.cost, 2);
  }
  return usage(current, limits, { cpu: 0, memory: 0 }, cost);
}
