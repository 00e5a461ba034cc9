import type { Reducers } from '../user-state';
import { infrastructureReducers } from './infrastructure-reducers';
import { organizationReducers } from './organization-reducers';
import { serviceReducers } from './service-reducers';
import { tenantReducers } from './tenant-reducers';
import { userReducers } from './user-reducers';

/**
 * How each operation's success changes the user state tree. Each reducer patches only what the operation
 * changed, including the references other entities hold to it, so the tree matches what `loadUser` returns.
 */
export const reducers: Reducers = {
  ...userReducers,
  ...organizationReducers,
  ...tenantReducers,
  ...infrastructureReducers,
  ...serviceReducers,
};
