import type { Service } from '../../interfaces/service-interface';
import type { User } from '../../interfaces/user-interface';
import { buildService, buildTenant, buildUser } from '../../testing/factories';

/** A signed-in user with two tenants, `ten-a` (service `svc-a`) and `ten-b` (service `svc-b`). */
export function twoTenants(): User {
  return buildUser({
    tenants: [
      buildTenant({
        id: 'ten-a',
        name: 'alpha',
        services: [buildService({ id: 'svc-a', tenant: 'ten-a', name: 'shop' })],
      }),
      buildTenant({
        id: 'ten-b',
        name: 'beta',
        services: [buildService({ id: 'svc-b', tenant: 'ten-b', name: 'blog' })],
      }),
    ],
  });
}

/** `user` with service `serviceId` of tenant `tenantId` changed by `change`; every other branch kept. */
export function withService(user: User, tenantId: string, serviceId: string, change: Partial<Service>): User {
  return {
    ...user,
    tenants: user.tenants.map((tenant) =>
      tenant.id !== tenantId
        ? tenant
        : {
            ...tenant,
            services: tenant.services.map((service) =>
              service.id === serviceId ? { ...service, ...change } : service,
            ),
          },
    ),
  };
}
