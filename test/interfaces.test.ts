import { expectTypeOf } from 'expect-type';
import type { z } from 'zod';
import {
  AccountSchema,
  CloudProviderInputSchema,
  CloudProviderSchema,
  ContainerSchema,
  CreatedTokenSchema,
  InstanceSchema,
  ResourceSchema,
  ServiceSchema,
  TokenSchema,
  USAGE_METRICS,
  UsageCurrentSchema,
  UsageLimitSchema,
  UserSchema,
} from '../interfaces';
import type { Account, CloudProvider, CloudProviderInput, CreatedToken, Token, User } from '../interfaces';
import {
  buildAccount,
  buildChannel,
  buildContainer,
  buildInstance,
  buildResource,
  buildService,
  buildTenant,
  buildToken,
  buildUser,
} from '../testing/factories';

type Path = readonly (string | number)[];
type Node = Record<string | number, unknown>;

const TENANT: Path = ['tenants', 0];
const ACCOUNT: Path = [...TENANT, 'accounts', 0];
const INSTANCE: Path = [...TENANT, 'services', 0, 'roles', 0, 'instances', 0];
const CONTAINER: Path = [...INSTANCE, 'containers', 0];

/** Deep copy of `root` where the object at `path` is passed through `edit`. */
function editAt(root: unknown, path: Path, edit: (node: Node) => void): unknown {
  const copy: unknown = structuredClone(root);
  let node = copy as Node;
  for (const key of path) node = node[key] as Node;
  edit(node);
  return copy;
}

/** Deep copy of `root` with key `from` of the object at `path` renamed to `to`. */
const renameAt = (root: unknown, path: Path, from: string, to: string): unknown =>
  editAt(root, path, (node) => {
    node[to] = node[from];
    Reflect.deleteProperty(node, from);
  });

/** Deep copy of `root` with `node[key] = value` on the object at `path`. */
const setAt = (root: unknown, path: Path, key: string, value: unknown): unknown =>
  editAt(root, path, (node) => {
    node[key] = value;
  });

/** Paths of the issues of a failed parse (empty when it succeeded). */
const issuePaths = (result: z.ZodSafeParseResult<unknown>): PropertyKey[][] =>
  result.success ? [] : result.error.issues.map((issue) => issue.path);

describe('data model schemas', () => {
  it('parses a full user tree and returns it unchanged', () => {
    const user = buildUser();
    expect(UserSchema.parse(user)).toEqual(user);
  });

  it('exposes exactly USAGE_METRICS as the keys of current usage and limits', () => {
    expect(Object.keys(UsageCurrentSchema.shape)).toEqual([...USAGE_METRICS]);
    expect(Object.keys(UsageLimitSchema.shape)).toEqual([...USAGE_METRICS]);
  });

  it('trims names but keeps opaque ids as sent', () => {
    const parsed = UserSchema.parse({ ...buildUser(), name: '  Ada  ', id: ' usr-1 ' });
    expect(parsed.name).toBe('Ada');
    expect(parsed.id).toBe(' usr-1 ');
  });

  it('accepts a secret resource without a value', () => {
    expect(ResourceSchema.safeParse(buildResource()).success).toBe(true);
  });
});

describe('secrets are never kept in response schemas', () => {
  it('strips a password the server wrongly returns on a user', () => {
    const parsed = UserSchema.parse({ ...buildUser(), password: 'hunter2' });
    expect(parsed).not.toHaveProperty('password');
  });

  it('strips a credentialSecret the server wrongly returns on an account cloud provider', () => {
    const parsed = UserSchema.parse(setAt(buildUser(), [...ACCOUNT, 'cloudProvider'], 'credentialSecret', 's3cr3t'));
    expect(parsed.tenants[0]?.accounts[0]?.cloudProvider).not.toHaveProperty('credentialSecret');
    expect(
      AccountSchema.parse(setAt(buildAccount(), ['cloudProvider'], 'credentialSecret', 'x')).cloudProvider,
    ).toEqual(buildAccount().cloudProvider);
  });

  it('keeps credentialSecret only in the cloud provider input schema, bounded to 4096 chars', () => {
    const input = { name: 'openstack', credentialSecret: 's3cr3t' };
    expect(CloudProviderInputSchema.parse(input).credentialSecret).toBe('s3cr3t');
    expect(CloudProviderSchema.parse(input)).toEqual({ name: 'openstack' });
    const tooLong = CloudProviderInputSchema.safeParse({ ...input, credentialSecret: 'x'.repeat(4097) });
    expect(issuePaths(tooLong)).toEqual([['credentialSecret']]);
  });

  it('returns the token secret in CreatedTokenSchema while TokenSchema strips it', () => {
    const created = { ...buildToken(), token: 'aur_0123456789' };
    expect(CreatedTokenSchema.parse(created).token).toBe('aur_0123456789');
    expect(TokenSchema.parse(created)).not.toHaveProperty('token');
    expect(issuePaths(CreatedTokenSchema.safeParse(buildToken()))).toEqual([['token']]);
  });

  it('has no secret fields in the inferred response types', () => {
    expectTypeOf<User>().not.toHaveProperty('password');
    expectTypeOf<CloudProvider>().not.toHaveProperty('credentialSecret');
    expectTypeOf<Account['cloudProvider']>().not.toHaveProperty('credentialSecret');
    expectTypeOf<Token>().not.toHaveProperty('token');
    expectTypeOf<CreatedToken['token']>().toEqualTypeOf<string>();
    expectTypeOf<CloudProviderInput['credentialSecret']>().toEqualTypeOf<string | undefined>();
  });
});

describe('misspelled seed fields are not accepted as the corrected ones', () => {
  it.each([
    ['rol', 'role', []],
    ['desciprion', 'description', ['tokens', 0]],
    ['conatiners', 'containers', INSTANCE],
    ['reestartCount', 'restartCount', CONTAINER],
    ['states', 'state', CONTAINER],
  ] as const)('rejects seed field %s in place of %s', (seedName, fixedName, path) => {
    const result = UserSchema.safeParse(renameAt(buildUser(), path, fixedName, seedName));
    expect(issuePaths(result)).toEqual([[...path, fixedName]]);
  });

  it('rejects notificationsEnabled sent as a string', () => {
    const result = UserSchema.safeParse({ ...buildUser(), notificationsEnabled: 'true' });
    expect(issuePaths(result)).toEqual([['notificationsEnabled']]);
  });

  it('drops the seed duplicate portNum instead of reading it as port', () => {
    const { port, ...rest } = buildChannel();
    expect(port).toBe(443);
    const parsed = ServiceSchema.parse({ ...buildService(), serverChannels: [{ ...rest, portNum: 443 }] });
    expect(parsed.serverChannels[0]).toEqual(rest);
  });

  it('rejects the seed singular role field on a service', () => {
    const result = ServiceSchema.safeParse(renameAt(buildService(), [], 'roles', 'role'));
    expect(issuePaths(result)).toEqual([['roles']]);
  });
});

describe('bounds report the failing path', () => {
  // [what, path of the edited object, key set on it, value, path suffix of the issue below that key]
  it.each<[string, Path, string, unknown, Path?]>([
    ['an over-long user name', [], 'name', 'x'.repeat(101)],
    ['a blank user name', [], 'name', '   '],
    ['an over-long id', TENANT, 'id', 'i'.repeat(129)],
    ['an invalid email', [], 'email', 'not-an-email'],
    ['an unknown plan', [], 'axebowPlan', 'gold'],
    ['an unknown tenant role', TENANT, 'role', 'superuser'],
    ['an unknown service status', [...TENANT, 'services', 0], 'status', 'exploded'],
    ['a timestamp without offset', [], 'createdAt', '2024-05-01T10:00:00'],
    ['a port of 0', [...TENANT, 'services', 0, 'serverChannels', 0], 'port', 0],
    ['a port above 65535', [...TENANT, 'services', 0, 'serverChannels', 0], 'port', 65_536],
    ['a fractional port', [...TENANT, 'services', 0, 'serverChannels', 0], 'port', 80.5],
    ['more than 1000 replicas', [...TENANT, 'services', 0], 'maxReplicas', 1001],
    ['negative cpu', [...CONTAINER, 'metrics'], 'cpu', -1],
    ['memory above 10 000 000 MB', [...CONTAINER, 'metrics'], 'memory', 10_000_001],
    ['an infinite cost', [...INSTANCE, 'usage'], 'cost', Number.POSITIVE_INFINITY],
    ['a negative restart count', CONTAINER, 'restartCount', -1],
    ['an over-long log line', INSTANCE, 'logs', ['ok', 'x'.repeat(10_001)], [1]],
    ['more than 10 000 log lines', INSTANCE, 'logs', Array.from({ length: 10_001 }, () => 'l')],
    ['more than 1000 tenants', [], 'tenants', Array.from({ length: 1001 }, () => buildTenant())],
    ['more than 100 environment labels', [...TENANT, 'environments', 0], 'labels', Array(101).fill('l')],
  ])('rejects %s', (_what, path, key, value, suffix = []) => {
    const result = UserSchema.safeParse(setAt(buildUser(), path, key, value));
    expect(result.success).toBe(false);
    expect(issuePaths(result)).toEqual([[...path, key, ...suffix]]);
  });

  it('rejects an over-long container state reason at its nested path', () => {
    const result = ContainerSchema.safeParse({
      ...buildContainer(),
      state: { status: 'waiting', reason: 'r'.repeat(257) },
    });
    expect(issuePaths(result)).toEqual([['state', 'reason']]);
  });

  it('rejects more than 1000 containers on an instance', () => {
    const result = InstanceSchema.safeParse({ ...buildInstance(), containers: Array(1001).fill(buildContainer()) });
    expect(issuePaths(result)).toEqual([['containers']]);
  });
});
