import { notFound } from '../errors';
import { operationView } from '../operations';
import type { Handlers } from './types';

/** Long-running operations: visible to every member of the tenant they act in. */
export const operationHandlers = {
  getOperation: ({ store, user }, { params }) => {
    const operation = store.operations.get(params.operationId);
    if (operation === undefined || store.roleOf(user.id, operation.target.tenant) === undefined) {
      throw notFound(`Operation ${params.operationId}`);
    }
    return operationView(operation);
  },
} satisfies Handlers<'getOperation'>;
