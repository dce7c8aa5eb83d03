/**
 * One API function: its name, route (relative to /api, in Azure Functions route syntax), methods,
 * whether it needs a signed-in user, and its handler. The function table lists these once; the
 * Azure Functions registration and the local host both serve that same table.
 */
import type { Result } from '../core/result';
import type { ApiCall, HandlerResponse, HttpMethod } from './http-contract';
import type { ApiLogger, ApiServices } from './api-services';

export type UserHandler = (call: ApiCall, services: ApiServices) => Promise<Result<HandlerResponse>>;
export type AnonymousHandler = (call: Omit<ApiCall, 'principal'>, services: ApiServices) => Promise<Result<HandlerResponse>>;

export type FunctionDefinition =
  | {
      readonly name: string;
      readonly route: string;
      readonly methods: readonly HttpMethod[];
      readonly auth: 'user';
      readonly handler: UserHandler;
    }
  | {
      readonly name: string;
      readonly route: string;
      readonly methods: readonly HttpMethod[];
      readonly auth: 'anonymous';
      readonly handler: AnonymousHandler;
    };

export function userFunction(name: string, methods: HttpMethod | readonly HttpMethod[], route: string, handler: UserHandler): FunctionDefinition {
  return { name, route, methods: typeof methods === 'string' ? [methods] : methods, auth: 'user', handler };
}

/**
 * A timer: defined once, registered with `app.timer` in Azure (NCRONTAB `schedule`) and run every
 * `everyMs` by the local host. `now` comes from the host's clock.
 */
export interface TimerDefinition {
  readonly name: string;
  /** NCRONTAB with seconds (every 15 minutes is "0 0/15 * * * *"). */
  readonly schedule: string;
  readonly everyMs: number;
  readonly run: (services: ApiServices, now: number, logger: ApiLogger) => Promise<void>;
}

export function timerFunction(name: string, schedule: string, everyMs: number, run: TimerDefinition['run']): TimerDefinition {
  return { name, schedule, everyMs, run };
}

export function anonymousFunction(name: string, methods: HttpMethod | readonly HttpMethod[], route: string, handler: AnonymousHandler): FunctionDefinition {
  return { name, route, methods: typeof methods === 'string' ? [methods] : methods, auth: 'anonymous', handler };
}

/**
 * A queue consumer: registered with `app.storageQueue` in Azure, polled by the local host. `run`
 * gets the message's body; it throws only when the message should come back later (a transient
 * failure), so the queue retries it.
 */
export interface QueueDefinition {
  readonly name: string;
  readonly queueName: string;
  readonly run: (services: ApiServices, message: unknown, now: number, logger: ApiLogger) => Promise<void>;
}
