import type { environmentRoutes } from '../../../api/contract/environment-routes';
import { inTenant, tenantAccess } from '../access';
import { conflict, invalid } from '../errors';
import type { EnvironmentRecord } from '../records';
import type { Store } from '../store';
import { environmentView } from '../view-infra';
import type { Handlers } from './types';

function ensureUniqueName(store: Store, tenantId: string, name: string, except?: string): void {
  if (store.environmentsOf(tenantId).some((item) => item.name === name && item.id !== except)) {
    throw conflict(`The tenant already has an environment named ${name}`, 'name_taken');
  }
}

/** Environments: admins and owners manage them; without explicit limits they follow the owner's plan. */
export const environmentHandlers = {
  createEnvironment: ({ store, user }, { params, body }) => {
    const { tenant } = tenantAccess(store, user, params.tenantId, 'admin', 'create environments');
    const account = store.accounts.get(body.account);
    if (account?.tenant !== tenant.id) {
      throw invalid('account', `no account ${body.account} in this tenant`, 'The environment was not created');
    }
    ensureUniqueName(store, tenant.id, body.name);
    const now = store.timestamp();
    const environment: EnvironmentRecord = {
      id: store.nextId('env'),
      tenant: tenant.id,
      account: account.id,
      name: body.name,
      logo: body.logo ?? '',
      labels: body.labels ?? [],
      domains: [],
      limits: body.limits,
      status: 'active',
      createdAt: now,
      updatedAt: now,
    };
    store.environments.set(environment.id, environment);
    return environmentView(store, environment);
  },

  updateEnvironment: ({ store, user }, { params, body }) => {
    tenantAccess(store, user, params.tenantId, 'admin', 'change environments');
    const environment = inTenant(store.environments, params.environmentId, params.tenantId, 'Environment');
    if (body.name !== undefined) {
      ensureUniqueName(store, environment.tenant, body.name, environment.id);
      environment.name = body.name;
    }
    if (body.logo !== undefined) environment.logo = body.logo;
    if (body.labels !== undefined) environment.labels = body.labels;
    if (body.limits !== undefined) environment.limits = body.limits;
    environment.updatedAt = store.timestamp();
    return environmentView(store, environment);
  },

  deleteEnvironment: ({ store, user }, { params }) => {
    tenantAccess(store, user, params.tenantId, 'admin', 'delete environments');
    const environment = inTenant(store.environments, params.environmentId, params.tenantId, 'Environment');
    const services = store.servicesOf(environment.tenant).filter((item) => item.spec.environment === environment.id);
    if (services.length > 0) {
      throw conflict(
        `Environment ${environment.name} still runs services (${services.map((item) => item.spec.name).join(', ')}); delete them first`,
        'has_dependants',
      );
    }
    store.environments.delete(environment.id);
    return undefined;
  },
} satisfies Handlers<keyof typeof environmentRoutes>;
