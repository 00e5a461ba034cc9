import type { TenantHeader, UserProfile } from '../../../api/contract/live-events';
import type { TenantRole } from '../../../interfaces';
import type { TenantRecord, UserRecord } from '../records';
import type { Store } from '../store';

// The parts of `userView` and `tenantView` that pushed events carry, built without the collections those views
// hold (a tenant's services, a user's tree), which a change of the profile or of the tenant's name leaves alone.
// Tests compare them with what GET answers.

/** The signed-in user's own fields, as `GET /users/me` answers them, without the tree. */
export function userProfileView(store: Store, user: UserRecord): UserProfile {
  return {
    id: user.id,
    name: user.name,
    surname: user.surname,
    email: user.email,
    notificationsEnabled: user.notificationsEnabled,
    axebowPlan: user.axebowPlan,
    companyName: user.companyName,
    role: user.role,
    unreadNotifications: store.unreadNotificationsOf(user.id),
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}

/** The tenant's own fields as `role` sees them, without the collections it holds. */
export function tenantHeaderView(tenant: TenantRecord, role: TenantRole, members: number): TenantHeader {
  return {
    id: tenant.id,
    name: tenant.name,
    organizationsIds: [tenant.organizationId],
    role,
    status: tenant.status,
    users: members,
    createdAt: tenant.createdAt,
    updatedAt: tenant.updatedAt,
  };
}
