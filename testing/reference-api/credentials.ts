/** Email and password of a user the reference API seeds. */
export interface Credentials {
  readonly email: string;
  readonly password: string;
}

/** The demo user: premium plan, owner of tenant northwind-prod, admin of northwind-labs, owner of organization Northwind Labs. */
export const demoCredentials: Credentials = { email: 'demo@aurora.dev', password: 'aurora-demo-2026' };

/** A premium user who is viewer in both Northwind tenants: every change they try there is refused with 403. */
export const viewerCredentials: Credentials = { email: 'viewer@aurora.dev', password: 'aurora-viewer-2026' };

/** A freemium user (2 vCPU / 4096 MB in total) who owns tenant fran-sandbox and is member of northwind-labs. */
export const freemiumCredentials: Credentials = { email: 'free@aurora.dev', password: 'aurora-free-2026' };

/** The premium owner of tenant northwind-labs, where the demo user is admin. */
export const labsOwnerCredentials: Credentials = { email: 'sam@aurora.dev', password: 'aurora-sam-2026' };
