/**
 * The API's function table and timers with the bot added: POST /api/messages, the bot's timer and its
 * delivery queue functions. The Azure Functions registration registers exactly this; the local host
 * serves the same bot, runs the same timers and polls the same queues (local-bot.service.ts).
 */
import type { FunctionDefinition, TimerDefinition } from '../../api/function-definition';
import { apiFunctions, apiTimers } from '../../api/function-table';
import { botQueueFunctions, botTimers, type BotRuntime, type QueueFunctionDefinition } from './bot-timers';
import { botMessagesFunction, type StreamingFunctionDefinition } from './bot-messages.function';

export function functionTableWithBot(runtime: () => Promise<BotRuntime>): {
  readonly functions: readonly FunctionDefinition[];
  /** Functions that read their own body (the bot's endpoint), outside the API pipeline. */
  readonly streaming: readonly StreamingFunctionDefinition[];
  readonly timers: readonly TimerDefinition[];
  readonly queues: readonly QueueFunctionDefinition[];
} {
  return {
    functions: apiFunctions,
    streaming: [botMessagesFunction(async () => (await runtime()).host)],
    timers: [...apiTimers, ...botTimers(runtime)],
    queues: botQueueFunctions(runtime),
  };
}
