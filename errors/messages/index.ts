// The one module where every BackendError message is built: what failed, why, and what to do. Call sites
// pick a builder; they never assemble message text themselves.
export { ADVICE, REASON_ADVICE, adviceFor } from './advice';
export { noBackendProvided } from './binding';
export { invalidSetting, type InvalidSetting } from './config';
export { serviceFormRejected, type ServiceFormKind } from './form';
export {
  callCancelled,
  callNotSent,
  callTimedOut,
  contractViolation,
  failedBeforeResponse,
  failedResponse,
  invalidPathParameter,
  retryAfterMs,
  tokenProviderFailed,
  unreachable,
  type ErrorResponse,
  type HttpCall,
  type SessionCallback,
} from './http';
export { invalidPollingOption, operationLost, operationUnfollowable } from './operation';
export {
  alreadyClaimed,
  cancelled,
  defect,
  describeNames,
  handlerStopped,
  invalidInput,
  invalidRequestMeta,
  noHandler,
  notARequest,
  notLoadedDetail,
  operationFailed,
  latestWinsOnWrite,
  requestIdInFlight,
  superseded,
  tenantNotLoaded,
  timedOut,
} from './request';
export { refreshFailed } from './session';
export {
  invalidStreamOption,
  streamEnded,
  streamEventInvalid,
  streamEventTooLarge,
  streamNotEventStream,
  streamRefused,
  streamSessionEnded,
  streamSilent,
  streamUnreachable,
  streamUrlUnresolvable,
  type SkippedEvent,
} from './stream';
