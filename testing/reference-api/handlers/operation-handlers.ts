import { notFound } from '../errors';
import { operationView, visibleOperations } from '../operations';
import type { Handlers } from './types';

/** Long-running operations: visible to every member of the tenant they act in. */
export const operationHandlers = {
  getOperation: ({ store, user }, { params }) => {
    const [operation] = visibleOperations(store, user.id, [params.operationId]);
    if (operation === undefined) throw notFound(`Operation ${params.operationId}`);
    return operationView(operation);
  },
  // Unknown ids and operations of other tenants are left out alike, so that an answer tells nothing about them.
  getOperations: ({ store, user }, { query }) => ({
    items: visibleOperations(store, user.id, query.ids.split(',')).map((operation) => operationView(operation)),
  }),
} satisfies Handlers<'getOperation' | 'getOperations'>;
