import type { z } from 'zod';
import type { RouteDefinition, RouteRequest, RouteResponse } from '../api/contract/define-route';
import type { Session } from '../api/session';
import type { UserState } from '../state/user-state';

/** What a request's `call` may use besides its input: its one route, the session and the state tree. */
export interface CallApi<R extends RouteDefinition> {
  /** The request's route. */
  readonly route: R;
  // A method, so that declarations of every route are assignable to the runner's view of them.
  /** Sends the request's route with its correlation id and cancellation signal. */
  send(request: RouteRequest<R>): Promise<RouteResponse<R>>;
  readonly requestId: string;
  /** The session opened by `login`; `undefined` when the application supplies `auth.getAccessToken`. */
  readonly session: Session | undefined;
}

/** What a request's `parse` sees: the state tree as it is when the request arrives. */
export interface ParseContext {
  readonly state: UserState;
  readonly requestId: string;
}

/** Services whose full form only the API knows after a request: the handler reloads them. */
export interface ServiceRefs {
  tenantId: string;
  serviceIds: readonly string[];
}

/**
 * One request kind of the bridge, declared once (in the spirit of an RTK Query endpoint): its input, the
 * route it calls, its success payload and how that success changes the state tree. The handler, the event
 * map, README's events table and the playground's forms are all derived from these declarations.
 *
 * `I` is the input schema, `O` the success payload schema and `P` what the handler works with once the
 * input is checked (the schema's output, unless `parse` says otherwise).
 */
export interface RequestDeclaration<
  R extends RouteDefinition = RouteDefinition,
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  P = z.output<I>,
> {
  /** One line on what the request does (README, playground, docs); the route's summary unless given. */
  readonly summary: string;
  /** The REST route it calls, from `api/contract/`. Long-running when the route answers `202 Accepted`. */
  readonly route: R;
  /** What a component may emit; checked once before any HTTP call. */
  readonly input: I;
  /** The success payload of `<name>:success`. */
  readonly output: O;
  /**
   * Checks the raw input and turns it into what `call` takes, when the schema alone is not enough (a form
   * checked against the loaded state). Throws a `VALIDATION` BackendError listing every problem.
   * @default the input schema's parse
   */
  parse?(input: unknown, context: ParseContext): P;
  /**
   * Makes the HTTP call and returns the success payload.
   * @default sends the flat input split into the route's path params and body; a `204` answer echoes the input
   */
  call?(input: P, api: CallApi<R>): Promise<z.output<O>>;
  /** How the success changes the state tree; absent when it changes nothing. Pure. */
  reduce?(state: UserState, result: z.output<O>, input: P): UserState;
  /**
   * Services to reload from the API after the success, when only the API knows their new form; they are in
   * the tree before the success event. `result` is absent when the answer was lost (the handler then
   * re-reads what the request may have changed); `undefined`: none known.
   */
  reloads?(input: P, state: UserState, result?: z.output<O>): ServiceRefs | undefined;
  /**
   * For a long-running request: when its operation succeeds, its target is gone. The handler drops it from
   * the tree (and reloads the services linked to it) instead of reloading it.
   * @default false (the target is reloaded when its operation ends)
   */
  readonly removesTarget?: boolean;
}

/**
 * A declared request as the event map sees it: what a component emits (`In`), the success payload (`Out`),
 * and whether it is long-running. Invariant in `In` and `Out`, so that a domain's table of named types
 * (`login: Request<LoginInput, User>`) does not compile when it drifts from the declaration's schemas.
 */
export interface Request<in out In, in out Out, out LongRunning extends boolean = boolean> extends RequestDeclaration {
  readonly input: z.ZodType<unknown, In>;
  readonly output: z.ZodType<Out>;
  /** The route answers `202 Accepted` with an operation that the handler follows to its end. */
  readonly longRunning: LongRunning;
}

/**
 * The types of one request, as the event map reads them: what a component emits, its success payload, and
 * whether it is long-running. Plain types, so that typing a listener never evaluates a zod schema's type.
 */
export interface RequestTypes<In, Out, LongRunning extends boolean = false> {
  input: In;
  result: Out;
  longRunning: LongRunning;
}

/** The declarations of a table of request types: the declared object must match the table exactly. */
export type Declarations<T extends { [K in keyof T]: RequestTypes<unknown, unknown, boolean> }> = {
  readonly [K in keyof T]: Request<T[K]['input'], T[K]['result'], T[K]['longRunning']>;
};

type Declared<R extends RouteDefinition, I extends z.ZodType, O extends z.ZodType, P> = Omit<
  RequestDeclaration<R, I, O, P>,
  'summary'
> & { readonly summary?: string };

/** A route answering `202 Accepted` starts a long-running operation. */
type LongRunningRoute<R extends RouteDefinition> = R['successStatus'] extends 202 ? true : false;

/** Declares one request kind; its parts are typed from its route and schemas while it is written. */
export function defineRequest<
  const R extends RouteDefinition,
  I extends z.ZodType,
  O extends z.ZodType,
  P = z.output<I>,
>(declaration: Declared<R, I, O, P>): Request<z.input<I>, z.output<O>, LongRunningRoute<R>> {
  const longRunning = declaration.route.successStatus === 202;
  const summary = declaration.summary ?? declaration.route.summary;
  // Past its definition, the runner treats every declaration alike: the precise types stay in the tables.
  return { ...declaration, summary, longRunning } as unknown as Request<z.input<I>, z.output<O>, LongRunningRoute<R>>;
}
