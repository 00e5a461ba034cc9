// Words for the fields of the forms: a cloud engineer reads "Minimum replicas", not `minReplicas`.

const LABELS: Readonly<Record<string, string>> = {
  tenantId: 'Tenant',
  tenant: 'Tenant',
  organizationId: 'Organization',
  accountId: 'Account',
  account: 'Account',
  environmentId: 'Environment',
  environment: 'Environment',
  serviceId: 'Service',
  instanceId: 'Instance',
  resourceId: 'Resource',
  tokenId: 'API token',
  itemId: 'Marketplace item',
  invoiceId: 'Invoice',
  revision: 'Revision',
  linkName: 'Link',
  userId: 'User',
  notificationId: 'Notification',
  email: 'Email',
  companyName: 'Company name',
  notificationsEnabled: 'Email notifications',
  currentPassword: 'Current password',
  newPassword: 'New password',
  billingInformation: 'Billing information',
  registry: 'Registry',
  imageName: 'Image',
  entrypoint: 'Entrypoint',
  cmd: 'Command',
  minReplicas: 'Minimum replicas',
  maxReplicas: 'Maximum replicas',
  roles: 'Roles',
  serverChannels: 'Server channels',
  clientChannels: 'Client channels',
  duplexChannels: 'Duplex channels',
  links: 'Links',
  resources: 'Resources',
  maxItems: 'Maximum items',
  tail: 'Last lines',
  since: 'Since',
  query: 'Query',
  cloudProvider: 'Cloud provider',
  logo: 'Logo URL',
  labels: 'Labels',
  limits: 'Limits',
  origin: 'From (origin)',
  target: 'To (target)',
  expiration: 'Expires at',
  plan: 'Plan',
  role: 'Role',
  type: 'Type',
  kind: 'Kind',
  value: 'Value',
};

/** The words for a field: known ones from a table, others from their name (`companyName` → "Company name"). */
export function fieldLabel(name: string): string {
  const known = LABELS[name];
  if (known !== undefined) return known;
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}
