/**
 * The bot on top of a composed API host: the same repositories (with the meeting-moment index), clock
 * and ids, and the booking engineer's agenda refresh after a check-in. Used by the Azure Functions
 * registration and by `npm start`; only the settings differ.
 */
import type { ApiLogger, ApiServices } from '../../api/api-services';
import type { ComposedApiHost } from './composition-root';
import type { BotRuntime } from './bot-timers';
import { offerRebookTimes, rebookMissedMeeting, refreshAgendas, type RebookMissedMeetingInput } from '../../core/booking';
import type { RebookPort } from '../../bot/conversation/mentoring-conversation';
import type { Principal } from '../../core/usecases/principal';
import { composeBotHost, type BotStorage } from './bot-composition';
import type { BotSettings } from '../../bot/host/bot-settings';
import type { ProgrammeCardsPort } from '../../bot/conversation/programme-actions';
import { DEFAULT_CONTACT_HOURS } from '../../bot/delivery/recipient-from-agreement';
import { joinProgramme } from '../../core/programmes/programme-use-cases';
import { STORAGE_NOT_FOUND } from '../../core/ports/repositories';
import { fail, ok } from '../../core/result';

/**
 * App-only Graph access for the tenant, as the calendar sync uses: the bot has no user token to act
 * on behalf of. A failure is logged and left to the sync timer, which refreshes agendas too.
 */
export function refreshAgendasAfterCheckIn(services: ApiServices, logger: ApiLogger) {
  return async (tenantId: string, relationshipId: string): Promise<void> => {
    const deps = services.booking.forTenant(tenantId);
    if (!deps.ok) {
      logger.info('agenda refresh after a bot check-in skipped: no calendar access', { tenantId, relationshipId, code: deps.error.code });
      return;
    }
    try {
      const outcome = await refreshAgendas(deps.value, { tenantId, relationshipId }, services.clock.now());
      if (!outcome.ok) logger.error('agenda refresh after a bot check-in failed', { tenantId, relationshipId, code: outcome.error.code });
      else if (outcome.value.failed.length > 0) logger.error('agenda refresh after a bot check-in left invites stale', { tenantId, relationshipId, failed: outcome.value.failed });
    } catch (error) {
      logger.error('agenda refresh after a bot check-in threw', { tenantId, relationshipId, error: error instanceof Error ? error.stack : String(error) });
    }
  };
}

/** One click on the "missed it?" card: the booking use cases with the tenant's app-only calendar access. */
export function rebookFromCard(services: ApiServices): RebookPort {
  return {
    offer: async (input) => {
      const deps = services.booking.forTenant(input.tenantId);
      if (!deps.ok) return deps;
      return offerRebookTimes(deps.value, input, services.clock.now());
    },
    book: async (principal: Principal, input: RebookMissedMeetingInput) => {
      const deps = services.booking.forTenant(principal.tenantId);
      if (!deps.ok) return deps;
      return rebookMissedMeeting(deps.value, { principal, input, now: services.clock.now() });
    },
  };
}

/** The bot's programme cards and Join, on the API host's programme repository and use cases. */
export function programmeCardsFrom(services: ApiServices): ProgrammeCardsPort {
  const deps = { repos: services.repositories, programmes: services.programmes, ids: services.ids, groups: (tenantId: string) => services.booking.groupsFor(tenantId) };
  return {
    programme: (tenantId, programmeId) => services.programmes.get(tenantId, programmeId),
    announcement: (tenantId, programmeId, announcementId) => services.programmes.getAnnouncement(tenantId, programmeId, announcementId),
    risks: async (tenantId, programmeId, relationshipId) => {
      const facts = await services.programmeHealth.getPair(tenantId, programmeId, relationshipId);
      return facts.ok && facts.value ? facts.value.risks : [];
    },
    recipient: async (tenantId, programmeId, personId) => {
      const member = await services.programmes.getMember(tenantId, programmeId, personId);
      if (member.ok) return { personId, timeZone: member.value.timeZone, contactHours: member.value.workingHours?.length ? member.value.workingHours : DEFAULT_CONTACT_HOURS };
      const profile = await services.repositories.profiles.get(tenantId, personId);
      return profile.ok ? { personId, timeZone: profile.value.timeZone, contactHours: DEFAULT_CONTACT_HOURS } : undefined;
    },
    join: async (principal, input, now) => {
      const profile = await services.repositories.profiles.get(principal.tenantId, principal.userId);
      if (!profile.ok) {
        return profile.error.code === STORAGE_NOT_FOUND
          ? fail('PROGRAMME.PROFILE_REQUIRED', 'Create your mentoring profile first (open the app): matching reads your seniority, skills and languages from it.')
          : profile;
      }
      const joined = await joinProgramme(deps, { principal, now, input: { programmeId: input.programmeId, role: input.role, timeZone: profile.value.timeZone, meetingWindows: DEFAULT_CONTACT_HOURS } });
      if (!joined.ok) return joined;
      const programme = await services.programmes.get(principal.tenantId, input.programmeId);
      return ok({ programmeName: programme.ok ? programme.value.name : '' });
    },
  };
}

export async function composeBotRuntime(
  api: ComposedApiHost,
  options: { readonly settings: BotSettings; readonly storage: BotStorage; readonly deliveryPacing?: Parameters<typeof composeBotHost>[0]['deliveryPacing'] },
): Promise<BotRuntime> {
  const host = await composeBotHost({
    settings: options.settings,
    storage: options.storage,
    ...(options.deliveryPacing ? { deliveryPacing: options.deliveryPacing } : {}),
    mentoring: { repos: api.services.repositories, ids: api.services.ids },
    clock: api.services.clock,
    logger: { error: (message, details) => api.logger.error(message, details) },
    afterCheckInSaved: refreshAgendasAfterCheckIn(api.services, api.logger),
    rebook: rebookFromCard(api.services),
    attendanceFor: (tenantId) => api.services.booking.attendanceFor(tenantId),
    relationshipOfJoinUrl: (tenantId, joinUrl) => api.meetingJoins.relationshipOf(tenantId, joinUrl),
    ...(api.services.feed ? { feed: api.services.feed } : {}),
    programmeCards: programmeCardsFrom(api.services),
  });
  api.connectProgrammeMessenger(host.programmeMessenger);
  return { host, meetingMoments: api.meetingMoments };
}
