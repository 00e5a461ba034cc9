import * as z from 'zod';
import {
  ChangePasswordInputSchema,
  ChangePlanInputSchema,
  CreateTokenInputSchema,
  DeleteTokenInputSchema,
  LoginInputSchema,
  UpdateUserInputSchema,
  userRoutes,
} from '../api/contract/user-routes';
import { CreatedTokenSchema } from '../interfaces/token-interface';
import { UserSchema } from '../interfaces/user-interface';
import { defineOperations } from './define-operations';

const None = z.undefined();

export const userOperations = defineOperations({
  login: { summary: userRoutes.login.summary, input: LoginInputSchema, output: UserSchema },
  logout: { summary: userRoutes.logout.summary, input: None, output: None },
  loadUser: { summary: userRoutes.loadUser.summary, input: None, output: UserSchema },
  updateUser: { summary: userRoutes.updateUser.summary, input: UpdateUserInputSchema, output: UserSchema },
  changePassword: { summary: userRoutes.changePassword.summary, input: ChangePasswordInputSchema, output: None },
  changePlan: { summary: userRoutes.changePlan.summary, input: ChangePlanInputSchema, output: UserSchema },
  deleteUser: { summary: userRoutes.deleteUser.summary, input: None, output: None },
  createToken: { summary: userRoutes.createToken.summary, input: CreateTokenInputSchema, output: CreatedTokenSchema },
  deleteToken: {
    summary: userRoutes.deleteToken.summary,
    input: DeleteTokenInputSchema,
    output: DeleteTokenInputSchema,
  },
});
