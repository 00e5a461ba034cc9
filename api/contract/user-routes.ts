import * as z from 'zod';
import { named } from '../../interfaces/named';
import {
  DescriptionSchema,
  EmailSchema,
  IdSchema,
  NameSchema,
  SecretSchema,
  TimestampSchema,
} from '../../interfaces/common';
import { CreatedTokenSchema, type CreatedToken } from '../../interfaces/token-interface';
import { AxebowPlanSchema, UserSchema, type User } from '../../interfaces/user-interface';
import { defineRoute } from './define-route';

const PasswordSchema = z.string().min(8, 'must be at least 8 characters').max(256);

/** Credentials of `login`. The password is sent once and never stored or emitted. */
export const LoginInputSchema = z.strictObject({ email: EmailSchema, password: z.string().min(1).max(256) });
export interface LoginInput extends z.input<typeof LoginInputSchema> {}

/**
 * Where the API hands out the refresh token: `cookie` (browsers) sets it as an httpOnly, SameSite=Strict
 * cookie no script can read; `body` (Node clients, which keep it in memory) returns it in the answer.
 */
export const RefreshTokenDeliverySchema = z.enum(['cookie', 'body']);
export type RefreshTokenDelivery = z.output<typeof RefreshTokenDeliverySchema>;

/** What `POST /auth/login` takes: the credentials and where the refresh token goes (default `cookie`). */
export const LoginBodySchema = LoginInputSchema.extend({ refreshTokenDelivery: RefreshTokenDeliverySchema.optional() });
export interface LoginBody extends z.input<typeof LoginBodySchema> {}

/** The tokens of a session: a short-lived access token, and with delivery `body` the rotating refresh token. */
export const SessionTokensSchema = z.object({
  accessToken: z.string().min(1).max(4096),
  expiresAt: TimestampSchema,
  refreshToken: SecretSchema.optional().describe('Only with refreshTokenDelivery `body`; single-use'),
});
export interface SessionTokens extends z.output<typeof SessionTokensSchema> {}

/** What `POST /auth/login` answers: the user and the session tokens (kept in memory by the handler only). */
export const LoginResponseSchema = z.object({
  user: named<User>(UserSchema),
  session: SessionTokensSchema,
});
export interface LoginResponse extends z.output<typeof LoginResponseSchema> {}

/**
 * What `POST /auth/refresh` takes: the refresh token (else the `aurora_refresh` cookie is used) and where the
 * new one goes (default: where the presented one came from).
 */
export const RefreshSessionBodySchema = z.strictObject({
  refreshToken: SecretSchema.optional(),
  refreshTokenDelivery: RefreshTokenDeliverySchema.optional(),
});
export interface RefreshSessionBody extends z.input<typeof RefreshSessionBodySchema> {}

/** What `POST /auth/refresh` answers: a new access token and, with delivery `body`, the next refresh token. */
export const RefreshSessionResponseSchema = z.object({ session: SessionTokensSchema });
export interface RefreshSessionResponse extends z.output<typeof RefreshSessionResponseSchema> {}

/** Fields of the signed-in user that `updateUser` may change; at least one, nothing else. */
export const UpdateUserInputSchema = z
  .strictObject({
    name: NameSchema,
    surname: z.string().trim().max(100),
    email: EmailSchema,
    companyName: z.string().trim().max(200),
    notificationsEnabled: z.boolean(),
  })
  .partial()
  .refine((input) => Object.keys(input).length > 0, 'Give at least one field to change');
export interface UpdateUserInput extends z.input<typeof UpdateUserInputSchema> {}

export const ChangePasswordInputSchema = z
  .strictObject({ currentPassword: z.string().min(1).max(256), newPassword: PasswordSchema })
  .refine((input) => input.currentPassword !== input.newPassword, {
    message: 'must differ from the current password',
    path: ['newPassword'],
  });
export interface ChangePasswordInput extends z.input<typeof ChangePasswordInputSchema> {}

export const ChangePlanInputSchema = z.strictObject({ plan: AxebowPlanSchema });
export interface ChangePlanInput extends z.input<typeof ChangePlanInputSchema> {}

export const CreateTokenInputSchema = z.strictObject({
  name: NameSchema,
  tenant: IdSchema,
  description: DescriptionSchema.optional(),
  expiration: TimestampSchema,
});
export interface CreateTokenInput extends z.input<typeof CreateTokenInputSchema> {}

const TokenParams = { tokenId: IdSchema };
export const DeleteTokenInputSchema = z.strictObject(TokenParams);
export interface DeleteTokenInput extends z.input<typeof DeleteTokenInputSchema> {}

export const userRoutes = {
  login: defineRoute({
    id: 'login',
    method: 'POST',
    path: '/auth/login',
    summary: 'Sign in with email and password',
    body: LoginBodySchema,
    response: named<LoginResponse>(LoginResponseSchema),
    successStatus: 200,
    secretFields: ['password'],
    auth: 'none',
  }),
  refreshSession: defineRoute({
    id: 'refreshSession',
    method: 'POST',
    path: '/auth/refresh',
    summary: 'Exchange a refresh token (body or cookie) for a new access token and a new refresh token',
    body: RefreshSessionBodySchema,
    response: named<RefreshSessionResponse>(RefreshSessionResponseSchema),
    successStatus: 200,
    auth: 'none',
    secretFields: ['refreshToken'],
  }),
  logout: defineRoute({
    id: 'logout',
    method: 'POST',
    path: '/auth/logout',
    summary: 'End the current session',
    response: z.undefined(),
    successStatus: 204,
  }),
  loadUser: defineRoute({
    id: 'loadUser',
    method: 'GET',
    path: '/users/me',
    summary: 'The signed-in user with the whole tree they can see',
    response: named<User>(UserSchema),
    successStatus: 200,
  }),
  updateUser: defineRoute({
    id: 'updateUser',
    method: 'PATCH',
    path: '/users/me',
    summary: 'Change profile fields of the signed-in user',
    body: UpdateUserInputSchema,
    response: named<User>(UserSchema),
    successStatus: 200,
  }),
  changePassword: defineRoute({
    id: 'changePassword',
    method: 'PUT',
    path: '/users/me/password',
    summary: 'Change the password of the signed-in user',
    body: ChangePasswordInputSchema,
    response: z.undefined(),
    successStatus: 204,
    secretFields: ['currentPassword', 'newPassword'],
  }),
  changePlan: defineRoute({
    id: 'changePlan',
    method: 'PUT',
    path: '/users/me/plan',
    summary: 'Switch between the freemium and premium Axebow plans',
    body: ChangePlanInputSchema,
    response: named<User>(UserSchema),
    successStatus: 200,
  }),
  deleteUser: defineRoute({
    id: 'deleteUser',
    method: 'DELETE',
    path: '/users/me',
    summary: 'Delete the signed-in user and end the session',
    response: z.undefined(),
    successStatus: 204,
  }),
  createToken: defineRoute({
    id: 'createToken',
    method: 'POST',
    path: '/tokens',
    summary: 'Create an API token; its secret value is returned by this call only',
    body: CreateTokenInputSchema,
    response: named<CreatedToken>(CreatedTokenSchema),
    successStatus: 201,
  }),
  deleteToken: defineRoute({
    id: 'deleteToken',
    method: 'DELETE',
    path: '/tokens/{tokenId}',
    summary: 'Revoke an API token',
    params: z.strictObject(TokenParams),
    response: z.undefined(),
    successStatus: 204,
  }),
} as const;
