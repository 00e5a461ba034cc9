import * as z from 'zod';
import { fieldLabel } from '../errors/issue-messages';
import { parseInput, parseWithMessages } from '../errors/parse-input';
import { TenantRoleSchema } from '../interfaces';

const messagesOf = (schema: z.ZodType, value: unknown) => {
  const parsed = parseWithMessages(schema, value);
  if (parsed.ok) throw new Error('expected the value to be rejected');
  return parsed.details;
};

describe('fieldLabel', () => {
  it.each([
    [['name'], 'Name'],
    [['minReplicas'], 'Min replicas'],
    [['tenantId'], 'Tenant id'],
    [['roles', 0, 'cpu'], 'Cpu'],
    [['resources', 2], 'Resource'],
    [['policies', 1], 'Policy'],
    [['apiURLBase'], 'Api url base'],
    [['retry_after'], 'Retry after'],
    [[], 'Input'],
  ])('names the field at %j "%s"', (path, label) => {
    expect(fieldLabel(path)).toBe(label);
  });
});

describe('human messages in VALIDATION details', () => {
  const Form = z.strictObject({
    name: z.string().min(1).max(63),
    port: z.number().int().min(1).max(65535),
    role: TenantRoleSchema,
    minReplicas: z.number().int().min(0),
    cpu: z.number().positive(),
    email: z.email(),
    resources: z.array(z.string().max(8)).max(2),
    roles: z.array(z.string()).min(1),
  });
  const valid = {
    name: 'shop',
    port: 443,
    role: 'admin',
    minReplicas: 1,
    cpu: 0.5,
    email: 'ada@example.com',
    resources: [],
    roles: ['web'],
  };

  it.each([
    ['an empty required text', { name: '' }, 'name', 'Name is required'],
    ['a missing field', { name: undefined }, 'name', 'Name is required'],
    ['a text that is too long', { name: 'x'.repeat(64) }, 'name', 'Name must be at most 63 characters'],
    ['a number outside its range', { port: 70000 }, 'port', 'Port must be between 1 and 65535'],
    ['a fractional whole number', { port: 80.5 }, 'port', 'Port must be a whole number, got 80.5'],
    ['a value of the wrong type', { port: '443' }, 'port', 'Port must be a number, got text'],
    ['an option that is not listed', { role: 'root' }, 'role', 'Role must be one of owner, admin, member, viewer'],
    ['a number below a lower bound only', { minReplicas: -1 }, 'minReplicas', 'Min replicas must be at least 0'],
    ['a number that must be positive', { cpu: 0 }, 'cpu', 'Cpu must be greater than 0'],
    ['a malformed email', { email: 'ada' }, 'email', 'Email must be an email address such as ada@example.com'],
    [
      'a list item that is too long',
      { resources: ['x'.repeat(9)] },
      'resources.0',
      'Resource must be at most 8 characters',
    ],
    ['a list that is too long', { resources: ['a', 'b', 'c'] }, 'resources', 'Resources must have at most 2 entries'],
    ['an empty list that needs an entry', { roles: [] }, 'roles', 'Roles needs at least one entry'],
    ['an unknown key', { foo: 1 }, 'foo', '"foo" is not a known field'],
  ])('words %s for people', (_case, change, path, message) => {
    expect(messagesOf(Form, { ...valid, ...change })).toEqual([{ path, message }]);
  });

  it('keeps a message the schema sets itself', () => {
    const Url = z.string().refine((value) => value.startsWith('https://'), 'must start with https://');
    expect(messagesOf(z.object({ url: Url }), { url: 'http://x' })).toEqual([
      { path: 'url', message: 'must start with https://' },
    ]);
  });

  it("leaves zod's own messages unchanged for every other parse: nothing is configured globally", () => {
    messagesOf(Form, { ...valid, name: '' });
    const plain = z.string().min(1).safeParse('');
    expect(plain.error?.issues[0]?.message).not.toBe('Input is required');
    expect(plain.error?.issues[0]?.message).toMatch(/Too small/);
  });

  it('prefixes every detail path when a prefix is given', () => {
    const parsed = parseWithMessages(Form, { ...valid, port: 0 }, 'body');
    expect(parsed.ok ? [] : parsed.details).toEqual([
      { path: 'body.port', message: 'Port must be between 1 and 65535' },
    ]);
  });
});

describe('parseInput', () => {
  const Input = z.object({ tenantId: z.string().min(1), maxReplicas: z.number().max(10) });

  it('gives the parsed data of valid input', () => {
    expect(parseInput(Input, { tenantId: 'ten-1', maxReplicas: 2 }, 'scaleService', 'req-1')).toEqual({
      ok: true,
      data: { tenantId: 'ten-1', maxReplicas: 2 },
    });
  });

  it('gives one VALIDATION error naming the request and every problem, in human words', () => {
    const parsed = parseInput(Input, { tenantId: '', maxReplicas: 11 }, 'scaleService', 'req-1');
    if (parsed.ok) throw new Error('expected invalid input');
    expect(parsed.error).toMatchObject({ code: 'VALIDATION', requestId: 'req-1' });
    expect(parsed.error.details).toEqual([
      { path: 'tenantId', message: 'Tenant id is required' },
      { path: 'maxReplicas', message: 'Max replicas must be at most 10' },
    ]);
    expect(parsed.error.message).toMatch(
      /^"scaleService" was not sent: its input has 2 problems \(tenantId: Tenant id/,
    );
  });
});
