import type { z } from 'zod';
import type { Routes } from '../../api/contract';
import type { NotificationChange } from '../../api/contract/live-events';
import type { NotificationsRead } from '../../api/contract/notification-routes';
import type { Revision } from '../../api/contract/service-routes';
import type { TenantMember } from '../../api/contract/tenant-routes';
import type { CreatedToken, Link, Operation } from '../../interfaces';
import type { ListPage } from '../reference-api/list-query-engine';
import { buildAccount, buildNotification, buildToken, buildUser } from './models';

// Builders of what the API answers besides the data models of ./models: pages, operations, one-off answers.

const TS = '2024-05-01T10:00:00Z';

/** What `validateAccountCredentials` answers. */
export type CredentialsCheck = z.output<Routes['validateAccountCredentials']['response']>;
/** What `loadInstanceLogs` answers. */
export type InstanceLogs = z.output<Routes['loadInstanceLogs']['response']>;
/** What `login` answers: the user and the session. */
export type LoginResponse = z.output<Routes['login']['response']>;
export type RefreshSessionResponse = z.output<Routes['refreshSession']['response']>;

/** A valid Link for tests; `overrides` replace top-level fields. */
export const buildLink = (overrides: Partial<Link> = {}): Link => ({
  name: 'db',
  origin: 'svc-1',
  target: 'svc-2',
  ...overrides,
});

/** A valid Operation (a long-running backend job) for tests, succeeded by default; `overrides` replace top-level fields. */
export const buildOperation = (overrides: Partial<Operation> = {}): Operation => ({
  id: 'op-1',
  kind: 'deployService',
  target: { type: 'service', id: 'svc-1', tenant: 'ten-1' },
  status: 'succeeded',
  progress: 100,
  createdAt: TS,
  updatedAt: TS,
  ...overrides,
});

/** A valid Revision for tests; `overrides` replace top-level fields. */
export const buildRevision = (overrides: Partial<Revision> = {}): Revision => ({
  id: 'rev-1',
  service: 'svc-1',
  number: 1,
  imageName: 'shop/web:1.2.0',
  minReplicas: 1,
  maxReplicas: 3,
  current: true,
  createdAt: TS,
  ...overrides,
});

/** A valid TenantMember for tests; `overrides` replace top-level fields. */
export const buildTenantMember = (overrides: Partial<TenantMember> = {}): TenantMember => ({
  tenant: 'ten-1',
  userId: 'usr-2',
  email: 'grace@acme.example',
  role: 'member',
  ...overrides,
});

/** A valid CreatedToken (the token with its one-time secret) for tests; `overrides` replace top-level fields. */
export const buildCreatedToken = (overrides: Partial<CreatedToken> = {}): CreatedToken => ({
  ...buildToken(),
  token: 'aurora-test-token-secret',
  ...overrides,
});

/** A valid answer of `validateAccountCredentials` for tests; `overrides` replace top-level fields. */
export const buildCredentialsCheck = (overrides: Partial<CredentialsCheck> = {}): CredentialsCheck => ({
  accountId: 'acc-1',
  valid: true,
  message: 'The cloud provider accepted the credentials',
  account: buildAccount(),
  ...overrides,
});

/** Valid instance logs for tests; `overrides` replace top-level fields. */
export const buildInstanceLogs = (overrides: Partial<InstanceLogs> = {}): InstanceLogs => ({
  instanceId: 'inst-1',
  lines: ['started', 'listening on 8080'],
  ...overrides,
});

/** A valid `login` answer for tests; `overrides` replace top-level fields. */
export const buildLoginResponse = (overrides: Partial<LoginResponse> = {}): LoginResponse => ({
  user: buildUser(),
  session: { accessToken: 'aurora-test-access-token', expiresAt: '2099-01-01T00:00:00Z' },
  ...overrides,
});

/** A `refreshSession` answer: a new access token (the refresh token went into the cookie). */
export const buildRefreshSessionResponse = (
  overrides: Partial<RefreshSessionResponse> = {},
): RefreshSessionResponse => ({
  session: { accessToken: 'aurora-test-access-token-2', expiresAt: '2099-01-01T00:00:00Z' },
  ...overrides,
});

/** A page of a list route holding `items`; `totalCount` defaults to their number. */
export const buildListPage = <T>(items: T[], totalCount = items.length): ListPage<T> => ({ items, totalCount });

/** The bytes of an invoice file (a minimal PDF), as `downloadInvoice` answers. */
export const buildInvoiceFile = (): ArrayBuffer => {
  const bytes = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
};

/** What `markNotificationRead` and `archiveNotification` answer: the notification and the unread count. */
export const buildNotificationChange = (overrides: Partial<NotificationChange> = {}): NotificationChange => ({
  notification: buildNotification({ status: 'read' }),
  unread: 0,
  ...overrides,
});

/** What `markAllNotificationsRead` answers: how many it marked, and how many are unread now. */
export const buildNotificationsRead = (overrides: Partial<NotificationsRead> = {}): NotificationsRead => ({
  changed: 1,
  unread: 0,
  ...overrides,
});
