import { randomUUID } from 'node:crypto';
import { AuthType, CardFactory, CloudAdapter, MessageFactory, type AuthConfiguration, type TurnContext } from '@microsoft/agents-hosting';
import { problemCard } from '../../adapters/cards/simple-cards';
import { cardLocaleOf } from '../../adapters/cards/card-locale';
import type { BotSettings } from './bot-settings';

export interface BotLogger {
  error(message: string, details: Record<string, unknown>): void;
}

/**
 * The Agents SDK's connection settings from ours. Without BOT_ID the adapter is anonymous (the
 * Agents Playground and the local connector); multi-tenant bots take tokens from the
 * botframework.com tenant, which is the SDK's default authority when no tenant is named.
 */
export function authConfigurationFrom(settings: BotSettings): AuthConfiguration {
  if (!settings.BOT_ID) return {};
  const type = settings.BOT_TYPE ?? (settings.BOT_TENANT_ID ? 'SingleTenant' : 'MultiTenant');
  return {
    clientId: settings.BOT_ID,
    // A signature-valid token from another tenant's app must not pass on audience alone.
    validateIssuer: true,
    ...(type === 'UserAssignedMSI'
      ? { authType: AuthType.UserManagedIdentity }
      : { authType: AuthType.ClientSecret, ...(settings.BOT_PASSWORD ? { clientSecret: settings.BOT_PASSWORD } : {}) }),
    ...(type !== 'MultiTenant' && settings.BOT_TENANT_ID ? { tenantId: settings.BOT_TENANT_ID } : {}),
    ...(settings.BOT_AUTHORITY ? { authority: settings.BOT_AUTHORITY } : {}),
  };
}

/**
 * The Agents SDK adapter with the bot's identity from settings and a turn-error handler that never
 * leaks. With an identity, the channel token's `serviceurl` claim must match the activity's
 * serviceUrl, so a valid token cannot point the bot's replies elsewhere.
 */
export function createBotAdapter(settings: BotSettings, logger: BotLogger): CloudAdapter {
  const adapter = new CloudAdapter(authConfigurationFrom(settings), undefined, undefined, { emitStackTrace: false, validateServiceUrl: Boolean(settings.BOT_ID) });
  adapter.onTurnError = turnErrorHandler(logger);
  return adapter;
}

/**
 * A failed turn is logged with a reference id and the person gets a localized card quoting only
 * that id: never the exception message, which may contain internals.
 */
export function turnErrorHandler(logger: BotLogger) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const reference = randomUUID().slice(0, 8);
    logger.error('bot turn failed', {
      reference,
      activityType: context.activity.type,
      activityId: context.activity.id,
      error: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error),
    });
    try {
      const card = problemCard({ locale: cardLocaleOf(context.activity.locale), reference });
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
    } catch {
      // The channel itself may be what failed; the log line above is what matters then.
    }
  };
}
