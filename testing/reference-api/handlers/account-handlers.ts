import type { accountRoutes } from '../../../api/contract/account-routes';
import type { AccountFlavors } from '../../../interfaces';
import { inTenant, tenantAccess } from '../access';
import { conflict } from '../errors';
import type { AccountRecord } from '../records';
import type { Store } from '../store';
import { accountView } from '../view-infra';
import type { Handlers } from './types';

const FLAVORS: Readonly<Record<string, AccountFlavors>> = {
  aws: {
    small: 't3.small',
    medium: 't3.large',
    large: 'm6i.2xlarge',
    volatile: 'gp3-ephemeral',
    nonReplicated: 'gp3',
    persistent: 'io2',
  },
  openstack: {
    small: 'm1.small',
    medium: 'm1.large',
    large: 'm1.xlarge',
    volatile: 'local-ssd',
    nonReplicated: 'ceph-single',
    persistent: 'ceph-replicated',
  },
};
const GENERIC_FLAVORS: AccountFlavors = {
  small: 'small',
  medium: 'medium',
  large: 'large',
  volatile: 'volatile',
  nonReplicated: 'standard',
  persistent: 'replicated',
};

export const flavorsFor = (provider: string): AccountFlavors => FLAVORS[provider.toLowerCase()] ?? GENERIC_FLAVORS;

function ensureUniqueName(store: Store, tenantId: string, name: string, except?: string): void {
  if (store.accountsOf(tenantId).some((item) => item.name === name && item.id !== except)) {
    throw conflict(`The tenant already has an account named ${name}`, 'name_taken');
  }
}

/** Credentials whose secret contains `invalid` or `expired` are refused by the (simulated) provider. */
const credentialsAccepted = (account: AccountRecord): boolean => !/invalid|expired/i.test(account.credentialSecret);

/** Cloud accounts: admins and owners manage them; the credential secret is write-only. */
export const accountHandlers = {
  createAccount: ({ store, user }, { params, body }) => {
    const { tenant } = tenantAccess(store, user, params.tenantId, 'admin', 'connect cloud accounts');
    ensureUniqueName(store, tenant.id, body.name);
    const { credentialSecret, ...cloudProvider } = body.cloudProvider;
    const now = store.timestamp();
    const account: AccountRecord = {
      id: store.nextId('acc'),
      tenant: tenant.id,
      name: body.name,
      logo: body.logo ?? '',
      cloudProvider,
      credentialSecret,
      domains: [],
      flavors: flavorsFor(cloudProvider.name),
      status: 'active',
      createdAt: now,
      updatedAt: now,
    };
    store.accounts.set(account.id, account);
    return accountView(store, account);
  },

  updateAccount: ({ store, user }, { params, body }) => {
    tenantAccess(store, user, params.tenantId, 'admin', 'change cloud accounts');
    const account = inTenant(store.accounts, params.accountId, params.tenantId, 'Account');
    if (body.name !== undefined) {
      ensureUniqueName(store, account.tenant, body.name, account.id);
      account.name = body.name;
    }
    if (body.logo !== undefined) account.logo = body.logo;
    if (body.cloudProvider !== undefined) {
      const { credentialSecret, ...changes } = body.cloudProvider;
      const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      account.cloudProvider = { ...account.cloudProvider, ...defined };
      if (credentialSecret !== undefined) {
        account.credentialSecret = credentialSecret;
        account.status = 'pending';
      }
    }
    account.updatedAt = store.timestamp();
    return accountView(store, account);
  },

  deleteAccount: ({ store, user }, { params }) => {
    tenantAccess(store, user, params.tenantId, 'admin', 'disconnect cloud accounts');
    const account = inTenant(store.accounts, params.accountId, params.tenantId, 'Account');
    const environments = store.environmentsOf(account.tenant).filter((item) => item.account === account.id);
    if (environments.length > 0) {
      throw conflict(
        `Account ${account.name} still has environments (${environments.map((item) => item.name).join(', ')}); delete them first`,
        'has_dependants',
      );
    }
    store.accounts.delete(account.id);
    return undefined;
  },

  validateAccountCredentials: ({ store, user }, { params }) => {
    tenantAccess(store, user, params.tenantId, 'admin', 'check account credentials');
    const account = inTenant(store.accounts, params.accountId, params.tenantId, 'Account');
    const valid = credentialsAccepted(account);
    const { name, region, credentialId } = account.cloudProvider;
    account.status = valid ? 'active' : 'error';
    account.updatedAt = store.timestamp();
    const where = `${credentialId ?? 'the credentials'}${region === undefined ? '' : ` in ${region}`}`;
    return {
      accountId: account.id,
      valid,
      message: valid ? `${name} accepted ${where}` : `${name} refused ${where}: authentication failed`,
      account: accountView(store, account),
    };
  },
} satisfies Handlers<keyof typeof accountRoutes>;
