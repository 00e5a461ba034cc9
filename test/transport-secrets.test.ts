import fc from 'fast-check';
import { http, HttpResponse } from 'msw';
import type { z } from 'zod';
import { accountRoutes } from '../api/contract/account-routes';
import type { RouteDefinition } from '../api/contract/define-route';
import { routes } from '../api/contract';
import { userRoutes } from '../api/contract/user-routes';
import { isBackendError, type BackendError } from '../errors/backend-error';
import { API, server, useMockApi } from './support/setup';
import { rejectionOf, transportUnderTest } from './support/transport';

useMockApi();

/** The dotted paths of every field of an object schema, nested objects included. */
function fieldPaths(schema: z.ZodType, prefix = ''): string[] {
  const def = schema._zod.def as { type: string; innerType?: z.ZodType; shape?: Record<string, z.ZodType> };
  if (def.innerType !== undefined) return fieldPaths(def.innerType, prefix);
  if (def.type !== 'object' || def.shape === undefined) return [];
  return Object.entries(def.shape).flatMap(([key, field]) => [
    `${prefix}${key}`,
    ...fieldPaths(field, `${prefix}${key}.`),
  ]);
}

const SECRET_NAME = /password|secret|token/i;
const withBody = (Object.values(routes) as RouteDefinition[]).filter((route) => route.body !== undefined);

describe('the contract marks its secrets', () => {
  it.each(withBody.map((route) => [route.id, route] as const))(
    '%s lists every body field named like a secret in secretFields, and only fields its body has',
    (_id, route) => {
      const paths = fieldPaths(route.body as z.ZodType);
      const named = paths.filter(
        (path) => SECRET_NAME.test(path.split('.').at(-1) ?? '') && !/(Id|Delivery)$/.test(path),
      );

      expect(named.filter((path) => !(route.secretFields ?? []).includes(path))).toEqual([]);
      expect((route.secretFields ?? []).filter((path) => !paths.includes(path))).toEqual([]);
    },
  );
});

/** Every text of an error a WUI could show or log. */
const textsOf = (error: BackendError) => [
  error.message,
  String(error),
  JSON.stringify(error.toJSON()),
  ...error.details.map((detail) => detail.message),
];

async function failureEchoing(route: RouteDefinition, path: string, body: unknown, message: string, detail: string) {
  const method = route.method.toLowerCase() as 'post' | 'put' | 'patch';
  server.use(
    http[method](`${API}${path}`, () =>
      HttpResponse.json(
        { code: 'VALIDATION', message, details: [{ path: 'field', message: detail }] },
        { status: 400 },
      ),
    ),
  );
  const { transport } = transportUnderTest();
  const error = await rejectionOf(transport.send(route as never, { body } as never, { requestId: 'req-s' }));
  if (!isBackendError(error)) throw error;
  return error;
}

describe('secret values the server echoes', () => {
  it('are removed from the message and details of a login error', async () => {
    const error = await failureEchoing(
      userRoutes.login,
      '/auth/login',
      { email: 'ada@acme.example', password: 'Tr0ub4dor&3' },
      'no user with password Tr0ub4dor&3',
      'Tr0ub4dor&3 is wrong',
    );

    expect(error.message).toContain('no user with password [REDACTED]');
    expect(error.details).toEqual([{ path: 'field', message: '[REDACTED] is wrong' }]);
  });

  it('are removed when the secret is nested (an account credentialSecret)', async () => {
    const secret = 'AKIA-very-secret-42';
    const body = {
      name: 'prod',
      cloudProvider: { name: 'aws', region: 'eu-west-1', credentialId: 'AKIA1', credentialSecret: secret },
    };
    server.use(
      http.post(`${API}/tenants/t-1/accounts`, () =>
        HttpResponse.json({ code: 'VALIDATION', message: `rejected ${secret}` }, { status: 400 }),
      ),
    );
    const { transport } = transportUnderTest();

    const error = await rejectionOf(
      transport.send(accountRoutes.createAccount, { params: { tenantId: 't-1' }, body }, { requestId: 'acc' }),
    );

    if (!isBackendError(error)) throw error;
    expect(error.code).toBe('VALIDATION');
    expect(textsOf(error).filter((text) => text.includes(secret))).toEqual([]);
  });

  it('never appear in message, details, toJSON() or String(error), wherever the server echoes them', async () => {
    const secret = fc.stringMatching(/^[!-~]{8,40}$/).filter((value) => !/[[\]]/.test(value));
    const text = fc.string({ maxLength: 30 });
    await fc.assert(
      fc.asyncProperty(secret, secret, text, text, text, async (current, next, before, between, after) => {
        fc.pre(current !== next && !current.includes(next) && !next.includes(current));
        const echoed = `${before}${current}${between}${next}${after}`;
        const error = await failureEchoing(
          userRoutes.changePassword,
          '/users/me/password',
          { currentPassword: current, newPassword: next },
          echoed,
          `${after}${next}${before}${current}`,
        );
        const baseline = await failureEchoing(
          userRoutes.changePassword,
          '/users/me/password',
          { currentPassword: current, newPassword: next },
          `${before}${between}${after}`,
          `${after}${before}`,
        );
        // A secret that is also a word of the library's own text ("password") says nothing about the echo.
        fc.pre(textsOf(baseline).every((line) => !line.includes(current) && !line.includes(next)));
        expect(textsOf(error).filter((line) => line.includes(current) || line.includes(next))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
