/**
 * The stand-ins `npm start` serves besides the API and the identity issuer. Add the local calendar,
 * the bot and the tab here: each factory gets the running stack and returns a LocalService (its
 * prefix, handler, printed links and health, which /api/health then reports).
 */
import type { LocalServiceFactory } from './local-stack-context';
import { localBotDemoService, localBotMessagesService } from './bot/local-bot.service';
import { createLocalCalendarService } from './calendar/local-calendar.service';
import { createLocalTabService } from './tab/local-tab.service';

export const additionalLocalServices: readonly LocalServiceFactory[] = [createLocalCalendarService, localBotMessagesService, localBotDemoService, createLocalTabService];
