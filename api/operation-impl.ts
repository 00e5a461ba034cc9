import type { OperationName, OperationParsedInput, OperationResult } from '../event-names';
import type { CallContext } from './http/transport';

/** How the handler carries out operation `K`: validated input in, success payload out, BackendError thrown. */
export type OperationImpl<K extends OperationName> = (
  input: OperationParsedInput<K>,
  context: CallContext,
) => Promise<OperationResult<K>>;

/** One implementation per operation; the handler is built from the union of every api service's part. */
export type OperationImpls = { [K in OperationName]: OperationImpl<K> };
