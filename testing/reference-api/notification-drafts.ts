import type { OperationKind } from '../../interfaces/operation-interface';
import type { TenantRole } from '../../interfaces';
import type { NotificationDraft } from './notifications';
import type { InstanceRecord, OperationRecord, OrganizationRecord, ServiceRecord, TenantRecord } from './records';

// What each notification kind says. Texts name the entity and what happened, so that a bell list reads alone.

const ACTIONS: Readonly<Record<OperationKind, string>> = {
  deployService: 'Deployment',
  updateService: 'Update',
  scaleService: 'Scaling',
  restartService: 'Restart',
  restartInstance: 'Restart',
  rollbackService: 'Rollback',
  deleteService: 'Deletion',
  deployMarketplaceItem: 'Deployment',
};

/** An operation ended: `operation_succeeded` or `operation_failed`, about its target (a service or instance). */
export function operationEnded(operation: OperationRecord, service: ServiceRecord): NotificationDraft {
  const failed = operation.failure !== undefined;
  const { target } = operation;
  const instance = service.instances.find((item) => item.id === target.id);
  const subject =
    target.type === 'instance'
      ? `instance ${instance?.name ?? target.id} of ${service.spec.name}`
      : `service ${service.spec.name}`;
  const outcome = failed ? 'failed' : 'succeeded';
  return {
    kind: failed ? 'operation_failed' : 'operation_succeeded',
    title: `${ACTIONS[operation.kind]} of ${subject} ${outcome}`,
    message:
      `Operation ${operation.id} (${operation.kind}) ${outcome}` +
      (operation.failure === undefined ? '.' : `: ${operation.failure.message}`),
    tenant: target.tenant,
    target: { type: target.type, id: target.id },
  };
}

/** An instance stopped unexpectedly: `instance_crashed`, for every member of its tenant. */
export function instanceCrashed(service: ServiceRecord, instance: InstanceRecord): NotificationDraft {
  return {
    kind: 'instance_crashed',
    title: `Instance ${instance.name} of ${service.spec.name} crashed`,
    message: `Instance ${instance.name} (role ${instance.role}) of service ${service.spec.name} stopped unexpectedly; restart it (restartInstance) or check its logs.`,
    tenant: service.tenant,
    target: { type: 'instance', id: instance.id },
  };
}

/** How a user's membership of a tenant changed. */
export type TenantMembershipChange =
  { type: 'added'; role: TenantRole } | { type: 'removed' } | { type: 'role'; role: TenantRole };

/** The user's membership of a tenant changed: `membership_changed`, for that user. */
export function tenantMembershipChanged(tenant: TenantRecord, change: TenantMembershipChange): NotificationDraft {
  const about = { kind: 'membership_changed', tenant: tenant.id, target: { type: 'tenant', id: tenant.id } } as const;
  switch (change.type) {
    case 'added':
      return {
        ...about,
        title: `You joined tenant ${tenant.name}`,
        message: `You were added to tenant ${tenant.name} as ${change.role}.`,
      };
    case 'removed':
      return {
        ...about,
        title: `Removed from tenant ${tenant.name}`,
        message: `You were removed from tenant ${tenant.name}.`,
      };
    case 'role':
      return {
        ...about,
        title: `Your role in tenant ${tenant.name} changed`,
        message: `Your role in tenant ${tenant.name} is now ${change.role}.`,
      };
  }
}

/** The user joined or left an organization: `membership_changed`, for that user. */
export function organizationMembershipChanged(
  organization: OrganizationRecord,
  change: 'added' | 'removed',
): NotificationDraft {
  return {
    kind: 'membership_changed',
    title:
      change === 'added'
        ? `You joined organization ${organization.name}`
        : `Removed from organization ${organization.name}`,
    message:
      change === 'added'
        ? `You were added to organization ${organization.name}.`
        : `You were removed from organization ${organization.name}.`,
    target: { type: 'organization', id: organization.id },
  };
}

/** A deployment was refused for a plan's or an environment's limits: `plan_limit`, for who asked. */
export function planLimitMet(tenantId: string, title: string, message: string): NotificationDraft {
  return { kind: 'plan_limit', title, message, tenant: tenantId, target: { type: 'tenant', id: tenantId } };
}
