// Public testing entry: a reference Aurora API (a hono app, a real HTTP server, failure injection), a started
// test backend in one call and valid builders of every model. It never loads msw: see ./msw for its handlers.

export { createReferenceApi, DEFAULT_BASE_URL } from './reference-api/create-reference-api';
export type { LiveStreamControls, ReferenceApi, ReferenceApiOptions } from './reference-api/create-reference-api';
export type { EventJournal, JournalEntry, PublishedEvent } from './reference-api/events/event-journal';
export type { StreamHub } from './reference-api/events/stream-hub';
export { startReferenceServer } from './reference-api/server';
export type { ReferenceServer, ReferenceServerOptions } from './reference-api/server';
export { createApp } from './reference-api/app';
export type { ReferenceApp } from './reference-api/app';
export type { SeedName } from './reference-api/seed';
export type { Store as ReferenceStore, StoreOptions, StoreSnapshot } from './reference-api/store';
export type {
  Timestamps,
  UserRecord,
  SessionRecord,
  RefreshTokenRecord,
  ApiTokenRecord,
  OrganizationRecord,
  InvoiceLine,
  InvoiceRecord,
  TenantRecord,
  MembershipRecord,
  AccountRecord,
  Limits,
  EnvironmentRecord,
  InstanceRecord,
  ServiceRecord,
  RevisionRecord,
  ResourceRecord,
  ServiceTemplate,
  MarketplaceItemRecord,
  ChannelRef,
  LinkRecord,
  OperationTarget,
  OperationRecord,
  NotificationRecord,
} from './reference-api/records';
export {
  demoCredentials,
  viewerCredentials,
  freemiumCredentials,
  labsOwnerCredentials,
} from './reference-api/credentials';
export type { Credentials } from './reference-api/credentials';
export { applyListQuery } from './reference-api/list-query-engine';
export type { ListPage } from './reference-api/list-query-engine';
export * from './factories';
export { createTestBackend } from './test-backend';
export type { TestBackend, TestBackendOptions } from './test-backend';
export { Faults } from './reference-api/faults';
export type { RouteFault } from './reference-api/faults';
