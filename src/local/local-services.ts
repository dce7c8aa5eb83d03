/**
 * The stand-ins `npm start` serves besides the API and the identity issuer. Add the local calendar,
 * the bot and the tab here: each factory gets the running stack and returns a LocalService (its
 * prefix, handler, printed links and health, which /api/health then reports).
 */
import type { ComposedApiHost } from '../api/composition-root';
import type { AzuriteHandle } from './azurite';
import type { LocalIdentityIssuer } from './identity-issuer';
import type { LocalService } from './local-service';
import { localBotDemoService, localBotMessagesService } from '../bot/host/local-bot.service';
import { createLocalCalendarService } from './calendar/local-calendar.service';
import { createLocalTabService } from './tab/local-tab.service';

export interface LocalStackContext {
  readonly baseUrl: string;
  /** Undefined when the stack runs in memory (tests). */
  readonly dataDir: string | undefined;
  /** The app settings the API was started with (production names, local values). */
  readonly settings: Readonly<Record<string, string | undefined>>;
  readonly api: ComposedApiHost;
  readonly issuer: LocalIdentityIssuer;
  readonly azurite: AzuriteHandle;
}

export type LocalServiceFactory = (context: LocalStackContext) => Promise<LocalService>;

export const additionalLocalServices: readonly LocalServiceFactory[] = [createLocalCalendarService, localBotMessagesService, localBotDemoService, createLocalTabService];
