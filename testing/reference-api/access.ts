import type { TenantRole } from '../../interfaces';
import { forbidden, notFound, unauthorized } from './errors';
import type { OrganizationRecord, TenantRecord, UserRecord } from './records';
import type { Store } from './store';

/** Who sent a request, and with which credential. */
export interface Caller {
  user: UserRecord;
  credential: { type: 'session' | 'apiToken'; value: string };
}

const RANK: Readonly<Record<TenantRole, number>> = { viewer: 0, member: 1, admin: 2, owner: 3 };

/**
 * The caller of a request from its `Authorization: Bearer <token>` header: a session token from `login`
 * or an API token secret from `createToken`. 401 when missing, unknown, revoked or expired.
 */
export function authenticate(store: Store, header: string | undefined): Caller {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  const token = match?.[1];
  if (token === undefined) {
    throw unauthorized(
      'Missing bearer token: sign in with POST /auth/login and send Authorization: Bearer <accessToken>',
      'missing_token',
    );
  }
  const now = Date.now();
  const session = store.sessions.get(token);
  if (session !== undefined) {
    const user = store.users.get(session.userId);
    if (session.expiresAt <= now || user === undefined) {
      store.sessions.delete(token);
      throw unauthorized(
        user === undefined ? 'The access token was revoked' : 'The access token has expired',
        user === undefined ? 'token_revoked' : 'session_expired',
      );
    }
    return { user, credential: { type: 'session', value: token } };
  }
  const apiToken = [...store.tokens.values()].find((item) => item.secret === token);
  const user = apiToken === undefined ? undefined : store.users.get(apiToken.userId);
  if (apiToken === undefined || user === undefined)
    throw unauthorized('The access token is invalid or was revoked', 'token_revoked');
  if (Date.parse(apiToken.expiration) <= now)
    throw unauthorized(`API token ${apiToken.name} has expired`, 'session_expired');
  apiToken.lastUsed = store.timestamp();
  return { user, credential: { type: 'apiToken', value: token } };
}

/**
 * The tenant `tenantId` if `user` is a member whose role is at least `needed`. 404 for tenants the user
 * is not a member of (they must not learn it exists), 403 when the role is too low.
 */
export function tenantAccess(
  store: Store,
  user: UserRecord,
  tenantId: string,
  needed: TenantRole,
  action: string,
): { tenant: TenantRecord; role: TenantRole } {
  const tenant = store.tenants.get(tenantId);
  const role = store.roleOf(user.id, tenantId);
  if (tenant === undefined || role === undefined) throw notFound(`Tenant ${tenantId}`);
  if (RANK[role] < RANK[needed]) {
    throw forbidden(`Your role in tenant ${tenant.name} is ${role}; to ${action} you need ${needed} or higher`);
  }
  return { tenant, role };
}

/** The organization `organizationId` if `user` belongs to it; `ownerOnly` also requires them to own it (403). */
export function organizationAccess(
  store: Store,
  user: UserRecord,
  organizationId: string,
  ownerOnly: false | string,
): OrganizationRecord {
  const organization = store.organizations.get(organizationId);
  if (organization === undefined || !organization.usersIds.includes(user.id)) {
    throw notFound(`Organization ${organizationId}`);
  }
  if (ownerOnly !== false && organization.ownerId !== user.id) {
    throw forbidden(`Only the owner of organization ${organization.name} may ${ownerOnly}`);
  }
  return organization;
}

/** A record of `table` by id that belongs to `tenantId`; 404 otherwise. */
export function inTenant<T extends { tenant: string }>(
  table: ReadonlyMap<string, T>,
  id: string,
  tenantId: string,
  what: string,
): T {
  const record = table.get(id);
  if (record?.tenant !== tenantId) throw notFound(`${what} ${id}`);
  return record;
}
