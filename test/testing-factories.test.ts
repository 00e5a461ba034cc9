import type { z } from 'zod';
import { routes, type RouteId } from '../api/contract';
import { CredentialsCheckSchema } from '../api/contract/account-routes';
import { NotificationChangeSchema } from '../api/contract/live-events';
import { NotificationsReadSchema } from '../api/contract/notification-routes';
import { listResponseSchema } from '../api/contract/list-query';
import { InstanceLogsSchema, RevisionSchema } from '../api/contract/service-routes';
import { TenantMemberSchema } from '../api/contract/tenant-routes';
import { LoginResponseSchema } from '../api/contract/user-routes';
import {
  AccountSchema,
  ChannelSchema,
  ContainerSchema,
  CreatedTokenSchema,
  EnvironmentSchema,
  InstanceSchema,
  InvoiceSchema,
  LinkSchema,
  MarketplaceItemSchema,
  NotificationSchema,
  OperationSchema,
  OrganizationSchema,
  ResourceSchema,
  ServiceRoleSchema,
  ServiceSchema,
  TenantSchema,
  TokenSchema,
  UsageSchema,
  UserSchema,
} from '../interfaces';
import * as testing from '../testing';

const { routeResponses } = testing;

/** Every factory of the testing entry and the schema its result must pass. */
const SCHEMA_OF_FACTORY: Record<string, { build: () => unknown; schema: z.ZodType }> = {
  buildUsage: { build: () => testing.buildUsage(), schema: UsageSchema },
  buildContainer: { build: () => testing.buildContainer(), schema: ContainerSchema },
  buildInstance: { build: () => testing.buildInstance(), schema: InstanceSchema },
  buildResource: { build: () => testing.buildResource(), schema: ResourceSchema },
  buildChannel: { build: () => testing.buildChannel(), schema: ChannelSchema },
  buildRole: { build: () => testing.buildRole(), schema: ServiceRoleSchema },
  buildService: { build: () => testing.buildService(), schema: ServiceSchema },
  buildAccount: { build: () => testing.buildAccount(), schema: AccountSchema },
  buildEnvironment: { build: () => testing.buildEnvironment(), schema: EnvironmentSchema },
  buildMarketplaceItem: { build: () => testing.buildMarketplaceItem(), schema: MarketplaceItemSchema },
  buildTenant: { build: () => testing.buildTenant(), schema: TenantSchema },
  buildOrganization: { build: () => testing.buildOrganization(), schema: OrganizationSchema },
  buildToken: { build: () => testing.buildToken(), schema: TokenSchema },
  buildUser: { build: () => testing.buildUser(), schema: UserSchema },
  buildLink: { build: () => testing.buildLink(), schema: LinkSchema },
  buildInvoice: { build: () => testing.buildInvoice(), schema: InvoiceSchema },
  buildOperation: { build: () => testing.buildOperation(), schema: OperationSchema },
  buildRevision: { build: () => testing.buildRevision(), schema: RevisionSchema },
  buildTenantMember: { build: () => testing.buildTenantMember(), schema: TenantMemberSchema },
  buildCreatedToken: { build: () => testing.buildCreatedToken(), schema: CreatedTokenSchema },
  buildCredentialsCheck: { build: () => testing.buildCredentialsCheck(), schema: CredentialsCheckSchema },
  buildInstanceLogs: { build: () => testing.buildInstanceLogs(), schema: InstanceLogsSchema },
  buildLoginResponse: { build: () => testing.buildLoginResponse(), schema: LoginResponseSchema },
  buildListPage: {
    build: () => testing.buildListPage([testing.buildService()]),
    schema: listResponseSchema(ServiceSchema),
  },
  buildNotification: { build: () => testing.buildNotification(), schema: NotificationSchema },
  buildNotificationChange: { build: () => testing.buildNotificationChange(), schema: NotificationChangeSchema },
  buildNotificationsRead: { build: () => testing.buildNotificationsRead(), schema: NotificationsReadSchema },
  buildInvoiceFile: { build: () => testing.buildInvoiceFile(), schema: routes.downloadInvoice.response },
};

describe('Factories of the testing entry', () => {
  test('every build* export is listed here with the schema it must pass', () => {
    const exported = Object.keys(testing).filter((name) => name.startsWith('build'));

    expect(exported.sort()).toEqual(Object.keys(SCHEMA_OF_FACTORY).sort());
  });

  test.each(Object.entries(SCHEMA_OF_FACTORY))('%s builds data its schema accepts', (_name, { build, schema }) => {
    const parsed = schema.safeParse(build());

    expect(parsed.error?.issues).toBeUndefined();
  });

  test('overrides replace top-level fields and the result still passes the schema', () => {
    const operation = testing.buildOperation({ status: 'failed', error: { code: 'SERVER', message: 'boom' } });

    expect(OperationSchema.parse(operation)).toMatchObject({ status: 'failed', error: { code: 'SERVER' } });
    expect(testing.buildListPage([1, 2], 10)).toEqual({ items: [1, 2], totalCount: 10 });
  });
});

describe('routeResponses', () => {
  test('every route of the contract has a success answer', () => {
    const missing = (Object.keys(routes) as RouteId[]).filter((id) => !Object.hasOwn(routeResponses, id));

    expect(missing).toEqual([]);
    expect(Object.keys(routeResponses).sort()).toEqual(Object.keys(routes).sort());
  });

  test.each(Object.keys(routes) as RouteId[])("the answer of %s passes the route's response schema", (id) => {
    const parsed = routes[id].response.safeParse(routeResponses[id]());

    expect(parsed.error?.issues).toBeUndefined();
  });

  test('accepted long-running routes answer a pending operation of their own kind', () => {
    expect(routeResponses.scaleService()).toMatchObject({ kind: 'scaleService', status: 'pending' });
    expect(routeResponses.restartInstance().target).toMatchObject({ type: 'instance' });
  });
});
