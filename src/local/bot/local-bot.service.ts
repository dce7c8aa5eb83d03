/**
 * The bot on `npm start`: POST /api/messages on the one local host (the same BotHost as in Azure,
 * with BOT_ID empty as the Agents Playground expects), the bot's timer (meetings that ended) on an
 * interval as Azure runs it with app.timer, the delivery queues polled with the same handler Azure's
 * queue triggers call (StorageQueuePoller mirrors the trigger), and a local-only demo action under
 * /local-bot that ends a meeting now so its check-in goes out (the pair's next meeting unless a
 * meetingId is given).
 */
import { botQueueFunctions, botTimers, type BotRuntime } from '../../hosts/functions/bot-timers';
import { StorageQueuePoller } from '../../adapters/queue/storage-queue-poller';
import type { JobOutcome } from '../../bot/delivery/delivery-worker';
import { LOCAL_TAB_ORIGIN } from '../local-ports';
import { readBody, sendJson, type LocalService } from '../local-service';
import type { LocalServiceFactory, LocalStackContext } from '../local-stack-context';
import { botStorageFromConnectionString, type BotHost } from '../../hosts/functions/bot-composition';
import { composeBotRuntime } from '../../hosts/functions/bot-runtime';
import { nodeBotListener } from '../../bot/host/bot-endpoint';
import { parseBotSettings } from '../../bot/host/bot-settings';
import type { ErrorCode } from '../../core/error-codes';
import { fail, ok, type Result } from '../../core/result';
import type { Meeting } from '../../core/relationships/meeting';
import { MEETING_END_EVENT, MEETING_START_EVENT } from '../../bot/host/teams-mentoring-bot';
import { startLocalBotConnector } from '../connector/local-bot-connector';
import { ENDING_SOON_LEAD } from '../../core/delivery/meeting-ending-soon';
import { LocalAttendanceTable } from '../calendar/online-meetings';

/** Who joined, for the local meeting-event source: both, only the mentee ("one"), or nobody. */
const ATTENDANCE_CHOICES = ['both', 'one', 'none'] as const;

const hosts = new WeakMap<object, Promise<{ host: BotHost; poller: StorageQueuePoller<JobOutcome>; stopWorker: () => Promise<void> }>>();

/**
 * What the bot needs from the running stack. Its settings come from the stack's app settings: in
 * tenant mode (MENTORING_MODE=azure there) the registered bot's id and secret, in local mode none,
 * as the Agents Playground expects.
 */
type BotContext = Pick<LocalStackContext, 'api' | 'settings'>;

function botFor(context: BotContext) {
  let started = hosts.get(context);
  if (!started) {
    started = (async () => {
      const s = context.settings;
      const settings = parseBotSettings({
        MENTORING_MODE: s.MENTORING_MODE === 'azure' ? 'azure' : 'local',
        TAB_ENDPOINT: s.TAB_ENDPOINT ?? process.env.TAB_ENDPOINT ?? LOCAL_TAB_ORIGIN,
        BOT_ID: s.BOT_ID ?? process.env.BOT_ID,
        BOT_PASSWORD: s.BOT_PASSWORD ?? process.env.BOT_PASSWORD,
        BOT_TENANT_ID: s.BOT_TENANT_ID ?? process.env.BOT_TENANT_ID,
        BOT_TYPE: s.BOT_TYPE ?? process.env.BOT_TYPE,
        BOT_AUTHORITY: s.BOT_AUTHORITY ?? process.env.BOT_AUTHORITY,
        TEAMS_APP_ID: s.TEAMS_APP_ID ?? process.env.TEAMS_APP_ID,
      });
      const storage = botStorageFromConnectionString(s.STORAGE_CONNECTION_STRING!);
      const runtime: BotRuntime = await composeBotRuntime(context.api, { settings, storage });
      const { api } = context;
      // The same timers Azure runs with app.timer (unref'd: they never keep the process alive).
      const timers = botTimers(async () => runtime).map((timer) => {
        const handle = setInterval(() => {
          timer.run(api.services, api.services.clock.now(), api.logger).catch((error: unknown) => api.logger.error('timer failed', { timer: timer.name, error: String(error) }));
        }, timer.everyMs);
        handle.unref();
        return handle;
      });
      const poller = new StorageQueuePoller<JobOutcome>(
        botQueueFunctions(async () => runtime).map((definition) => ({ queue: storage.queue(definition.queueName), handle: definition.handle })),
        (name) => storage.queue(name),
        (event, details) => api.logger.error(event, details),
      );
      poller.start();
      return {
        host: runtime.host,
        poller,
        stopWorker: async () => {
          for (const handle of timers) clearInterval(handle);
          await poller.stop();
        },
      };
    })();
    hosts.set(context, started);
  }
  return started;
}

export const localBotMessagesService = async (context: BotContext): Promise<LocalService> => {
  const { host, stopWorker } = await botFor(context);
  const listener = nodeBotListener(host.handle);
  const service: LocalService = {
    name: 'bot',
    prefix: '/api/messages',
    links: [{ label: 'Bot endpoint (npm run playground)', path: '/api/messages' }],
    handle: (request, response) => listener(request, response),
    health: async () => ({ status: 'ok' }),
    close: stopWorker,
  };
  return service;
};

/** The Teams meeting id and meeting chat the local meeting-event source gives a mentoring meeting. */
const localTeamsMeetingOf = (meetingId: string) => {
  const chatId = `19:meeting_${meetingId}@thread.v2`;
  return { chatId, teamsMeetingId: Buffer.from(`0#${chatId}#0`).toString('base64') };
};

export const localBotDemoService: LocalServiceFactory = async (context) => {
  const { host, poller, stopWorker } = await botFor(context);
  const repos = context.api.services.repositories;
  // The meeting's Bot Connector: Teams' meeting events come from it and in-meeting notifications go to it.
  const meetingConnector = await startLocalBotConnector();
  /** The pair's next planned meeting: the first not yet over, else (all in the past) the latest. */
  const nextMeetingOf = async (tenantId: string, relationshipId: string, now: number): Promise<Result<Meeting>> => {
    const all = await repos.relationships.meetings.list(tenantId, relationshipId);
    if (!all.ok) return all;
    const planned = all.value.filter((m) => m.status === 'planned').sort((a, b) => a.start - b.start);
    const next = planned.find((m) => m.end > now) ?? planned.at(-1);
    return next ? ok(next) : fail('BOOKING.MEETING_NOT_FOUND', 'That relationship has no planned meeting.');
  };
  /**
   * POST /local-bot/start-meeting {"tenantId","relationshipId"[,"meetingId"][,"minutesLeft"]}: the
   * local meeting-event source starts an online meeting in "Teams": both people are in it (their Teams
   * ids from their chats with the bot), and Teams' meetingStart activity goes from the meeting chat to
   * the bot over HTTP, with the meeting's connector as serviceUrl. With "minutesLeft" the meeting is
   * moved to run from now for that long, so the "5 minutes left" nudge comes minutesLeft − 5 minutes later.
   */
  const startMeeting = async (request: Parameters<LocalService['handle']>[0], response: Parameters<LocalService['handle']>[1]) => {
    let input: { tenantId?: unknown; relationshipId?: unknown; meetingId?: unknown; minutesLeft?: unknown };
    try {
      input = JSON.parse((await readBody(request, 10_000)) ?? '{}');
    } catch {
      input = {};
    }
    const { tenantId, relationshipId, meetingId, minutesLeft } = input;
    if (
      typeof tenantId !== 'string' ||
      typeof relationshipId !== 'string' ||
      (meetingId !== undefined && typeof meetingId !== 'string') ||
      (minutesLeft !== undefined && (typeof minutesLeft !== 'number' || !Number.isInteger(minutesLeft) || minutesLeft < 1 || minutesLeft > 240))
    ) {
      sendJson(response, 400, {
        error: {
          code: 'BOT.DEMO_INPUT' satisfies ErrorCode,
          message: 'Send {"tenantId","relationshipId"} as JSON strings, "meetingId" for a meeting other than the pair\'s next one, and "minutesLeft" (1 to 240) to run it from now for that long.',
        },
      });
      return;
    }
    const now = context.api.services.clock.now();
    const found = meetingId !== undefined ? await repos.relationships.meetings.get(tenantId, relationshipId, meetingId) : await nextMeetingOf(tenantId, relationshipId, now);
    if (!found.ok) {
      sendJson(response, 404, { error: { code: found.error.code, message: meetingId !== undefined ? 'No such meeting in that relationship and tenant.' : 'That relationship has no planned meeting to start; book one first.' } });
      return;
    }
    if (!found.value.joinUrl) {
      sendJson(response, 409, { error: { code: 'BOT.DEMO_INPUT' satisfies ErrorCode, message: 'That meeting is not online, so there is no Teams meeting to start; book an online meeting.' } });
      return;
    }
    let meeting = found.value;
    if (minutesLeft !== undefined) {
      const { version, ...rest } = meeting;
      const moved = await repos.relationships.meetings.update(tenantId, relationshipId, { ...rest, start: now, end: now + (minutesLeft as number) * 60_000 }, version);
      if (!moved.ok) {
        sendJson(response, 409, { error: { code: moved.error.code, message: moved.error.message } });
        return;
      }
      meeting = moved.value;
    }
    const rel = await repos.relationships.get(tenantId, relationshipId);
    if (!rel.ok) {
      sendJson(response, 404, { error: { code: rel.error.code, message: 'No such relationship in that tenant.' } });
      return;
    }
    const { chatId, teamsMeetingId } = localTeamsMeetingOf(meeting.id);
    const people = [rel.value.mentorId, rel.value.menteeId];
    const references = await Promise.all(people.map((personId) => host.references.get(tenantId, personId)));
    meetingConnector.startMeeting(
      teamsMeetingId,
      references.map((r, i) => r?.userId ?? `29:${people[i]}`),
    );
    const sent = await fetch(`${context.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'event',
        name: MEETING_START_EVENT,
        id: `meeting-start-${now}`,
        channelId: 'msteams',
        serviceUrl: meetingConnector.serviceUrl,
        from: { id: references[0]?.userId ?? `29:${meeting.organizerId}`, aadObjectId: meeting.organizerId },
        recipient: { id: '28:mentoring-bot', name: 'Mentoring' },
        conversation: { isGroup: true, conversationType: 'groupChat', id: chatId, tenantId },
        channelData: { tenant: { id: tenantId }, source: null, meeting: { id: teamsMeetingId } },
        value: { MeetingType: 'Scheduled', Title: 'Mentoring', Id: teamsMeetingId, JoinUrl: meeting.joinUrl, StartTime: new Date(now).toISOString() },
      }),
    });
    poller.poke();
    sendJson(response, sent.ok ? 200 : 502, {
      teamsMeetingId,
      meetingEvent: sent.ok ? 'meetingStart delivered to the bot' : `the bot answered ${sent.status}`,
      nudgeAt: new Date(meeting.end - ENDING_SOON_LEAD).toISOString(),
      notInstalled: people.filter((_, i) => !references[i]),
      note: 'Five minutes before the end both get "5 minutes left: capture your action items" in the meeting (GET /local-bot/meeting-notifications); someone who never opened the bot has no Teams id to address it to.',
    });
  };

  return {
    name: 'bot-demo',
    prefix: '/local-bot',
    links: [
      { label: 'End a demo meeting now (POST)', path: '/local-bot/end-meeting' },
      { label: 'Start a demo meeting in Teams (POST)', path: '/local-bot/start-meeting' },
      { label: 'In-meeting notifications sent', path: '/local-bot/meeting-notifications' },
    ],
    close: async () => {
      await stopWorker();
      await meetingConnector.stop();
    },
    async handle(request, response, url) {
      if (url.pathname === '/local-bot/meeting-notifications' && request.method === 'GET') {
        sendJson(response, 200, { serviceUrl: meetingConnector.serviceUrl, notifications: meetingConnector.meetingNotifications });
        return;
      }
      if (url.pathname === '/local-bot/start-meeting' && request.method === 'POST') {
        await startMeeting(request, response);
        return;
      }
      if (url.pathname !== '/local-bot/end-meeting' || request.method !== 'POST') {
        sendJson(response, 404, { error: { code: 'HTTP.NOT_FOUND' satisfies ErrorCode, message: 'The local bot actions are POST /local-bot/end-meeting and POST /local-bot/start-meeting {"tenantId","relationshipId"[,"meetingId"]}, and GET /local-bot/meeting-notifications.' } });
        return;
      }
      let input: { tenantId?: unknown; relationshipId?: unknown; meetingId?: unknown; attendance?: unknown };
      try {
        input = JSON.parse((await readBody(request, 10_000)) ?? '{}');
      } catch {
        input = {};
      }
      const { tenantId, relationshipId, meetingId, attendance } = input;
      if (
        typeof tenantId !== 'string' ||
        typeof relationshipId !== 'string' ||
        (meetingId !== undefined && typeof meetingId !== 'string') ||
        (attendance !== undefined && !ATTENDANCE_CHOICES.includes(attendance as never))
      ) {
        sendJson(response, 400, {
          error: {
            code: 'BOT.DEMO_INPUT' satisfies ErrorCode,
            message: 'Send {"tenantId","relationshipId"} as JSON strings, "meetingId" to end a meeting other than the pair\'s next one, and "attendance" as "both", "one" (only the mentee joined) or "none" for an online meeting.',
          },
        });
        return;
      }
      const found = meetingId !== undefined ? await repos.relationships.meetings.get(tenantId, relationshipId, meetingId) : await nextMeetingOf(tenantId, relationshipId, context.api.services.clock.now());
      if (!found.ok) {
        const message = meetingId !== undefined ? 'No such meeting in that relationship and tenant.' : 'That relationship has no planned meeting to end; book one on the Schedule tab first.';
        sendJson(response, 404, { error: { code: found.error.code, message } });
        return;
      }
      const now = context.api.services.clock.now();
      if (attendance !== undefined && found.value.joinUrl && found.value.eventId) {
        // An online meeting: the meeting-event source records who joined in the local calendar's
        // attendance report and sends Teams' meetingEnd activity from the meeting chat to the bot,
        // which reads the attendance through Graph as in a tenant.
        const rel = await repos.relationships.get(tenantId, relationshipId);
        if (!rel.ok) {
          sendJson(response, 404, { error: { code: rel.error.code, message: 'No such relationship in that tenant.' } });
          return;
        }
        const joined = attendance === 'both' ? [rel.value.mentorId, rel.value.menteeId] : attendance === 'one' ? [rel.value.menteeId] : [];
        const attendees = await Promise.all(
          joined.map(async (id) => {
            const profile = await repos.profiles.get(tenantId, id);
            return { id, displayName: profile.ok ? profile.value.displayName : id, email: `${id}@mentoring.local` };
          }),
        );
        const start = Math.min(found.value.start, now - 60_000);
        await LocalAttendanceTable.fromConnectionString(context.azurite.connectionString).record(found.value.eventId, { start, end: now, attendees });
        const sent = await fetch(`${context.baseUrl}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            type: 'event',
            name: MEETING_END_EVENT,
            id: `meeting-end-${now}`,
            channelId: 'msteams',
            serviceUrl: context.baseUrl,
            from: { id: `29:${found.value.organizerId}`, aadObjectId: found.value.organizerId },
            recipient: { id: '28:mentoring-bot', name: 'Mentoring' },
            conversation: { isGroup: true, conversationType: 'groupChat', id: `19:meeting_${found.value.id}@thread.v2`, tenantId },
            channelData: { tenant: { id: tenantId }, source: null, meeting: { id: Buffer.from(found.value.id).toString('base64') } },
            value: { MeetingType: 'Scheduled', Title: 'Mentoring', Id: Buffer.from(found.value.id).toString('base64'), JoinUrl: found.value.joinUrl, EndTime: new Date(now).toISOString() },
          }),
        });
        const after = await repos.relationships.meetings.get(tenantId, relationshipId, found.value.id);
        poller.poke();
        sendJson(response, sent.ok ? 200 : 502, {
          endedAt: new Date(now).toISOString(),
          meetingEvent: sent.ok ? 'meetingEnd delivered to the bot' : `the bot answered ${sent.status}`,
          outcome: after.ok ? (after.value.attendance?.outcome ?? 'not recorded') : 'not recorded',
          note: 'Check-ins go to who joined, inside their contact hours; a "missed it?" card when nobody did.',
        });
        return;
      }
      const { version, ...meeting } = found.value;
      const length = Math.max(60_000, meeting.end - meeting.start);
      const updated = await repos.relationships.meetings.update(tenantId, relationshipId, { ...meeting, start: now - length, end: now, status: 'held' }, version);
      if (!updated.ok) {
        sendJson(response, 409, { error: { code: updated.error.code, message: updated.error.message } });
        return;
      }
      const planned = await host.plan(tenantId, relationshipId);
      if (!planned.ok) {
        sendJson(response, 409, { error: { code: planned.error.code, message: planned.error.message } });
        return;
      }
      // Poll now rather than after the idle back-off, so the demo shows the card at once.
      poller.poke();
      sendJson(response, 200, {
        endedAt: new Date(now).toISOString(),
        queued: planned.value.map((m) => ({ kind: m.kind, personId: m.personId, idempotencyKey: m.idempotencyKey })),
        note: 'Each person gets the card inside their contact hours, at most two bot messages a day.',
      });
    },
  };
};
