import { z } from 'zod';

/**
 * The bot's settings, parsed once at start-up. In azure mode the bot must have its Entra identity
 * (a secret from Key Vault, or a user-assigned managed identity); in local mode BOT_ID stays empty,
 * which is how the Microsoft 365 Agents Playground talks to a bot on a developer machine.
 */
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

export const BotSettingsSchema = z
  .object({
    MENTORING_MODE: z.enum(['local', 'azure'], { error: 'MENTORING_MODE must be "local" or "azure"' }),
    BOT_ID: optionalText,
    BOT_TENANT_ID: optionalText,
    BOT_PASSWORD: optionalText,
    BOT_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
    /** The Entra authority the channel tokens' keys come from, for sovereign clouds (default: the public cloud). */
    BOT_AUTHORITY: z.url({ error: 'BOT_AUTHORITY must be an absolute URL, e.g. https://login.microsoftonline.us' }).optional(),
    TAB_ENDPOINT: z.url({ error: 'TAB_ENDPOINT must be the absolute URL the tab is served from' }),
    TEAMS_APP_ID: optionalText,
  })
  .superRefine((s, ctx) => {
    if (s.MENTORING_MODE !== 'azure') return;
    if (!s.BOT_ID) ctx.addIssue({ code: 'custom', path: ['BOT_ID'], message: 'BOT_ID is required in azure mode: the bot\'s Entra app id' });
    if (s.BOT_TYPE !== 'UserAssignedMSI' && !s.BOT_PASSWORD) {
      ctx.addIssue({ code: 'custom', path: ['BOT_PASSWORD'], message: 'BOT_PASSWORD is required in azure mode unless BOT_TYPE=UserAssignedMSI' });
    }
    if ((s.BOT_TYPE === 'SingleTenant' || s.BOT_TYPE === 'UserAssignedMSI') && !s.BOT_TENANT_ID) {
      ctx.addIssue({ code: 'custom', path: ['BOT_TENANT_ID'], message: `BOT_TENANT_ID is required when BOT_TYPE=${s.BOT_TYPE}` });
    }
  });

export type BotSettings = z.output<typeof BotSettingsSchema>;

export function parseBotSettings(env: Readonly<Record<string, string | undefined>>): BotSettings {
  const parsed = BotSettingsSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `- ${String(issue.path[0] ?? '')}: ${issue.message}`);
  throw new Error(`The bot cannot start; fix these app settings:\n${problems.join('\n')}`);
}

/** Deep links into the tab: Teams deep links when the Teams app id is known, the tab URL otherwise. */
export function tabLinksFrom(settings: BotSettings) {
  const tab = settings.TAB_ENDPOINT.replace(/\/$/, '');
  // The tab's route for one programme (src/tab/app/hash-route.ts): `#/programme/<id>`, or that path as the deep link's subEntityId.
  const programmePage = (programmeId: string) => `programme/${encodeURIComponent(programmeId)}`;
  if (!settings.TEAMS_APP_ID) {
    return {
      home: `${tab}/index.html#/`,
      schedule: `${tab}/index.html#/schedule`,
      actionItems: `${tab}/index.html#/actions`,
      programme: (programmeId: string) => `${tab}/index.html#/${programmePage(programmeId)}`,
    };
  }
  const entity = (entityId: string, sub?: string) =>
    `https://teams.microsoft.com/l/entity/${encodeURIComponent(settings.TEAMS_APP_ID!)}/${entityId}` +
    (sub ? `?context=${encodeURIComponent(JSON.stringify({ subEntityId: sub }))}` : '');
  // The Programme screen is its own static tab (entityId "programme" in the manifest); the tab routes the subEntityId.
  return {
    home: entity('mentoring'),
    schedule: entity('mentoring', 'schedule'),
    actionItems: entity('mentoring', 'actions'),
    programme: (programmeId: string) => entity('programme', programmePage(programmeId)),
  };
}
