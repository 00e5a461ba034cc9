import { z } from 'zod';
import { EmailSchema, NameSchema } from '../../interfaces/common';
import { UserSchema } from '../../interfaces/user-interface';
import { defineRoute } from './define-route';

/** Fields of the signed-in user that `updateUser` may change; at least one, nothing else. */
export const UpdateUserInputSchema = z
  .strictObject({
    name: NameSchema,
    surname: NameSchema,
    email: EmailSchema,
    companyName: z.string().trim().max(200),
    notificationsEnabled: z.boolean(),
  })
  .partial()
  .refine((input) => Object.keys(input).length > 0, 'Give at least one field to change');

export type UpdateUserInput = z.input<typeof UpdateUserInputSchema>;

export const userRoutes = {
  getMe: defineRoute({
    id: 'getMe',
    method: 'GET',
    path: '/users/me',
    summary: 'The signed-in user with the whole tree they can see',
    response: UserSchema,
    successStatus: 200,
  }),
  updateMe: defineRoute({
    id: 'updateMe',
    method: 'PATCH',
    path: '/users/me',
    summary: 'Change profile fields of the signed-in user',
    body: UpdateUserInputSchema,
    response: UserSchema,
    successStatus: 200,
  }),
} as const;
