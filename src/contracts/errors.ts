/**
 * Every error code the API can answer with, and its HTTP status. The HTTP layer maps a failed
 * Result with `httpStatusFor(code)`; the tab and the bot can switch on the codes. The codes
 * themselves are listed in src/core/error-codes.ts (the core cannot import contracts); this catalogue
 * must give exactly those codes a status — a missing or extra entry does not compile.
 *
 *   400 malformed request (shape, JSON, parameters)      401 not signed in / bad token
 *   403 signed in, but this action is not yours          404 not found (also for strangers: no leak)
 *   409 the current state forbids it                     412 stale version (optimistic concurrency)
 *   422 a rule of the domain said no; the person can fix the input
 */
import { z } from 'zod';
import { isErrorCode, type ErrorCode } from '../core/error-codes';

export type { ErrorCode } from '../core/error-codes';

export interface ErrorSpec {
  readonly status: number;
  readonly meaning: string;
}

const spec = (status: number, meaning: string): ErrorSpec => ({ status, meaning });

export const ERROR_CATALOGUE = {
  // Request shape (the HTTP layer, from the zod contracts)
  'HTTP.INVALID_JSON': spec(400, 'The body is not valid JSON.'),
  'HTTP.INVALID_BODY': spec(400, 'The body does not match the contract.'),
  'HTTP.INVALID_QUERY': spec(400, 'The query string does not match the contract.'),
  'HTTP.INVALID_PARAMETER': spec(400, 'A path parameter is malformed.'),
  'HTTP.BODY_TOO_LARGE': spec(413, 'The body is larger than the API accepts.'),
  'HTTP.UNSUPPORTED_MEDIA_TYPE': spec(415, 'The body must be application/json.'),
  'HTTP.METHOD_NOT_ALLOWED': spec(405, 'This address does not accept that method.'),
  'HTTP.NOT_FOUND': spec(404, 'No API at this address.'),
  'HTTP.VERSION_REQUIRED': spec(400, 'An update without the version read (If-Match or "version").'),
  'HTTP.INVALID_UTF8': spec(400, 'The body is not valid UTF-8.'),
  // Free text (src/core/usecases/text-rules.ts, applied by every free-text field of the contracts)
  'TEXT.LONE_SURROGATE': spec(422, 'A text field holds half of a UTF-16 surrogate pair.'),
  'TEXT.CONTROL_CHARACTER': spec(422, 'A text field holds an invisible control character.'),
  'TEXT.LINE_BREAK_NOT_ALLOWED': spec(422, 'A one-line field holds a line break or tab.'),
  'BOT.INVALID_JSON': spec(400, 'The bot endpoint received a body that is not JSON.'),
  'BOT.DEMO_INPUT': spec(400, 'The local end-meeting action needs tenantId, relationshipId and meetingId.'),
  'BOT.INVALID_ACTIVITY': spec(400, 'The bot endpoint received JSON that is not a well-formed activity.'),
  'BOT.BODY_TOO_LARGE': spec(413, 'The bot endpoint received a body over its cap (checked while streaming).'),
  'BOT.UNAUTHORIZED': spec(401, 'The bot endpoint received no valid channel token for this bot.'),
  'BOT.SERVICE_URL_NOT_ALLOWED': spec(400, 'Locally the bot answers only loopback service URLs (local connector, Agents Playground).'),
  'BOT.CHANNEL_UNAVAILABLE': spec(502, 'The bot could not reach the channel (token or connector) for this activity.'),
  'BOT.MEETING_UNKNOWN': spec(404, 'A Teams meeting event names a meeting (join URL) that is not one of the sender\'s mentoring meetings.'),
  'ATTENDANCE.NOT_CONFIGURED': spec(503, 'The app has no Graph credential to read attendance reports; check-ins go to both people.'),
  'ATTENDANCE.MEETING_NOT_FOUND': spec(404, 'Graph has no online meeting with that join URL for the organizer.'),
  'ATTENDANCE.UNAVAILABLE': spec(503, 'Reading the attendance report failed (Graph error, throttling, or an unexpected shape).'),
  'ATTENDANCE.NOT_YET_AVAILABLE': spec(503, 'Teams has not written the meeting\'s attendance report yet; it is read again shortly.'),
  'TEAMS_APP.NO_MEETING_CHAT': spec(404, 'The online meeting has no meeting chat yet (no chatInfo.threadId), so the panel cannot be pinned; the sync timer tries again.'),
  'TEAMS_APP.INSTALL_NOT_CONFIGURED': spec(503, 'Installing the app for people is off on this server (PROACTIVE_INSTALL_ENABLED, TEAMS_APP_CATALOG_ID).'),
  'LOCAL_IDENTITY.INVALID_REQUEST': spec(400, 'The local issuer got a malformed token request.'),
  'LOCAL_IDENTITY.UNKNOWN_PERSON': spec(404, 'The local issuer has no such demo person.'),
  'LOCAL_IDENTITY.NOT_FOUND': spec(404, 'No local issuer endpoint at this address.'),

  // Identity
  'AUTH.MISSING_TOKEN': spec(401, 'No bearer token.'),
  'AUTH.INVALID_TOKEN': spec(401, 'The token is malformed or its signature does not verify.'),
  'AUTH.TOKEN_EXPIRED': spec(401, 'The token has expired.'),
  'AUTH.TOKEN_NOT_YET_VALID': spec(401, 'The token is not valid yet.'),
  'AUTH.WRONG_AUDIENCE': spec(401, 'The token was issued for another app.'),
  'AUTH.WRONG_ISSUER': spec(401, 'The token comes from an issuer we do not trust for its tenant.'),
  'AUTH.MISSING_SCOPE': spec(401, 'The token lacks the access_as_user scope.'),
  'AUTH.TENANT_NOT_ALLOWED': spec(403, 'This organisation is not allowed to use the app.'),
  'AUTH.KEYS_UNAVAILABLE': spec(503, 'The signing keys could not be fetched.'),
  'IDENTITY.KEYS_UNAVAILABLE': spec(503, 'The signing keys could not be fetched.'),

  // Storage (ports)
  'STORAGE.NOT_FOUND': spec(404, 'The entity does not exist.'),
  'STORAGE.ALREADY_EXISTS': spec(409, 'The entity already exists.'),
  'STORAGE.CONFLICT': spec(412, 'Someone changed it since it was read; reload and retry.'),
  'STORAGE.VERSION_WILDCARD': spec(400, '"*" is not a version; send the version read.'),
  'STORAGE.ID_TOO_LONG': spec(422, 'An id is too long to be stored.'),
  'STORAGE.DOCUMENT_TOO_LARGE': spec(413, 'The entity is too large to store.'),
  'STORAGE.UNAVAILABLE': spec(503, 'Storage did not answer.'),
  'STORAGE.CORRUPT_ROW': spec(500, 'A stored row failed validation.'),

  // Time and scheduling (core)
  'TIME.UNKNOWN_ZONE': spec(422, 'Not a known IANA or Windows time zone.'),
  'SCHEDULING.BEFORE_FIRST_DATE': spec(422, 'No slot: before the agreed first date.'),
  'SCHEDULING.END_DATE_REACHED': spec(422, 'No slot: the agreed end date has passed.'),
  'SCHEDULING.HORIZON_FULLY_BUSY': spec(422, 'No slot: both calendars are full in the period.'),
  'SCHEDULING.MEETING_COUNT_REACHED': spec(422, 'No slot: all agreed meetings are planned.'),
  'SCHEDULING.NOTICE_RULES_OUT_PERIOD': spec(422, 'No slot: the minimum notice rules the period out.'),
  'SCHEDULING.OUTSIDE_WORKING_HOURS': spec(422, 'No slot: only outside working hours.'),
  'SCHEDULING.WINDOWS_NEVER_OVERLAP': spec(422, 'No slot: the two people’s windows never overlap.'),
  'CALENDAR.INVALID_EVENT': spec(422, 'The meeting cannot be written to the calendar as given.'),
  'CALENDAR.INVALID_RANGE': spec(422, 'The calendar range is invalid.'),
  'GRAPH.AUTH_FAILED': spec(502, 'Microsoft Graph refused the app’s credentials.'),
  'GRAPH.BAD_REQUEST': spec(502, 'Microsoft Graph rejected the request.'),
  'GRAPH.CONFLICT': spec(409, 'Microsoft Graph reported a conflicting change.'),
  'GRAPH.FORBIDDEN': spec(502, 'The app lacks a Microsoft Graph permission.'),
  'GRAPH.INVALID_RESPONSE': spec(502, 'Microsoft Graph answered in an unexpected shape.'),
  'GRAPH.NOT_FOUND': spec(404, 'The calendar event no longer exists.'),
  'GRAPH.SCHEDULE_UNAVAILABLE': spec(503, 'Free/busy information is unavailable.'),
  'GRAPH.THROTTLED': spec(503, 'Microsoft Graph is throttling; retry later.'),
  'GRAPH.UNAVAILABLE': spec(503, 'Microsoft Graph did not answer.'),

  // Booking (src/core/booking and its API functions)
  'BOOKING.NO_ACTIVE_AGREEMENT': spec(409, 'Meetings are booked inside an agreement both accepted.'),
  'BOOKING.AGREEMENT_OUT_OF_BOUNDS': spec(409, 'The accepted agreement holds numbers outside the bounds; propose a new version.'),
  'BOOKING.MEETING_NOT_FOUND': spec(404, 'No such meeting in this relationship.'),
  'BOOKING.MEETING_NOT_PLANNED': spec(409, 'Only planned meetings can be changed.'),
  'BOOKING.MEETING_STARTED': spec(409, 'The meeting has started; it can no longer be changed.'),
  'BOOKING.NOT_MISSED': spec(409, 'Only a meeting nobody joined is rebooked from the "missed it?" card.'),
  'BOOKING.OUTSIDE_BOUNDARIES': spec(422, 'The time is outside the agreed windows or dates.'),
  'BOOKING.TOO_SOON': spec(422, 'The time breaks the agreed minimum notice.'),
  'BOOKING.SLOT_BUSY': spec(409, 'One of the pair is busy then (buffers included).'),
  'BOOKING.COMMENT_REQUIRED': spec(422, 'A cancellation needs a short comment.'),
  'BOOKING.INVALID_COUNT': spec(422, 'The number of meetings ahead is out of range.'),
  'BOOKING.START_ONLY_FOR_NEXT': spec(422, 'A chosen time books the next meeting only.'),
  'BOOKING.NEXT_ALREADY_PLANNED': spec(409, 'The next meeting is already planned; move it instead of booking another.'),
  'BOOKING.NOT_IN_CALENDAR': spec(503, 'The meeting is not in the calendar yet; retry shortly.'),
  'CALENDAR.NOT_CONFIGURED': spec(503, 'The host has no Graph credentials for calendars.'),
  'CALENDAR.CHANGE_QUEUE_UNAVAILABLE': spec(503, 'A calendar change notification could not be queued; Graph retries it.'),
  'CALENDAR.NOTIFICATIONS_NOT_CONFIGURED': spec(503, 'The host has no public notification URL for Graph subscriptions.'),
  'CALENDAR.NOTIFICATION_REJECTED': spec(403, 'A change notification did not carry the clientState of a subscription this app keeps.'),
  'DIRECTORY.PERSON_NOT_FOUND': spec(404, 'A person of the pair is not in the directory.'),
  'DIRECTORY.UNAVAILABLE': spec(503, 'The directory did not answer.'),
  'TODO.NOT_CONFIGURED': spec(503, 'The host has no Graph credentials or tab address for Microsoft To Do.'),
  'FEED.NOT_CONFIGURED': spec(503, 'The host has no Graph credentials for Teams activity-feed notifications.'),

  // Agreement (validateAgreement in the scheduling core, and the agreement use cases)
  'AGREEMENT.BAD_DATE': spec(422, 'A date is not YYYY-MM-DD.'),
  'AGREEMENT.BAD_TIME': spec(422, 'A time is not HH:mm.'),
  'AGREEMENT.BAD_WEEKDAY': spec(422, 'A weekday is not 1–7.'),
  'AGREEMENT.BUFFER_NEGATIVE': spec(422, 'The buffer is negative.'),
  'AGREEMENT.CADENCE_DAYS_NOT_WHOLE': spec(422, '"Every N days" needs a whole number.'),
  'AGREEMENT.CADENCE_SHORTER_THAN_MEETING': spec(422, 'The cadence is shorter than a meeting.'),
  'AGREEMENT.END_DATE_BEFORE_FIRST_DATE': spec(422, 'The end date is before the first date.'),
  'AGREEMENT.MEETING_COUNT_INVALID': spec(422, 'The number of meetings is not a whole number ≥ 1.'),
  'AGREEMENT.MEETING_LENGTH_NOT_POSITIVE': spec(422, 'The meeting length is not positive.'),
  'AGREEMENT.MEETING_LONGER_THAN_WINDOWS': spec(422, 'No meeting window is long enough for a meeting.'),
  'AGREEMENT.MEETING_TOO_LONG': spec(422, 'A meeting lasts at most 240 minutes.'),
  'AGREEMENT.MEETING_TOO_SHORT': spec(422, 'A meeting lasts at least 15 minutes.'),
  'AGREEMENT.BUFFER_TOO_LONG': spec(422, 'The buffer is at most 240 minutes.'),
  'AGREEMENT.NOTICE_TOO_LONG': spec(422, 'The minimum notice is at most 30 days (720 hours).'),
  'AGREEMENT.CADENCE_TOO_LONG': spec(422, '"Every N days" is at most 90 days.'),
  'AGREEMENT.MEETING_COUNT_TOO_HIGH': spec(422, 'An agreement holds at most 52 meetings.'),
  'AGREEMENT.NOTICE_NEGATIVE': spec(422, 'The minimum notice is negative.'),
  'AGREEMENT.NO_CONTACT_HOURS': spec(422, 'A person has no contact hours.'),
  'AGREEMENT.NO_MEETING_WINDOWS': spec(422, 'A person has no meeting windows.'),
  'AGREEMENT.PERSON_MISSING': spec(422, 'A side of the agreement names no person.'),
  'AGREEMENT.PLACE_NAME_MISSING': spec(422, 'An in-person meeting needs a place.'),
  'AGREEMENT.SAME_PERSON': spec(422, 'Mentor and mentee are the same person.'),
  'AGREEMENT.SERIES_UNBOUNDED': spec(422, 'Neither an end date nor a number of meetings.'),
  'AGREEMENT.WINDOW_END_EQUALS_START': spec(422, 'A window ends when it starts.'),
  'AGREEMENT.WINDOW_END_BEFORE_START': spec(422, 'A window ends before it starts.'),
  'AGREEMENT.WINDOW_LONGER_THAN_A_DAY': spec(422, 'A window is longer than a day.'),
  'AGREEMENT.PARTIES_MISMATCH': spec(422, 'The agreement names other people than the pair.'),
  'AGREEMENT.VERSION_NOT_FOUND': spec(404, 'No such agreement version.'),
  'AGREEMENT.VERSION_SUPERSEDED': spec(409, 'A newer version was proposed; accept that one.'),
  'AGREEMENT.TOO_MANY_VERSIONS': spec(409, 'The relationship keeps no more agreement versions (GROWTH_LIMITS).'),
  'MATCHING.UNKNOWN_PERSON': spec(422, 'A pinned or excluded pair names someone who is not in the cohort.'),
  'MATCHING.PINNED_PAIR_REFUSED': spec(422, 'A pinned pair breaks a rule every pair must keep (schedulable, not the manager, reverse rule, not excluded, one mentor per mentee).'),
  'MATCHING.PINNED_OVER_CAPACITY': spec(422, 'More pairs are pinned to a mentor than the mentor has room for.'),
  'MATCHING.INVALID_RULES': spec(422, 'The matching rules are not usable (meeting length or dates).'),
  'PROGRAMME.OWNER_ROLE_REQUIRED': spec(403, 'Only programme owners (the Programme.Owner app role) may do this.'),
  'PROGRAMME.NOT_FOUND': spec(404, 'No such programme in the caller\'s tenant.'),
  'PROGRAMME.INVALID_DATES': spec(422, 'The programme\'s start or end date is not a date, or it ends on or before it starts (at most three years).'),
  'PROGRAMME.UNKNOWN_ROADMAP_TEMPLATE': spec(422, 'A roadmap template id of the programme is not one of the templates.'),
  'PROGRAMME.GROUP_NOT_FOUND': spec(422, 'The Microsoft Entra group named by the programme does not exist in the tenant.'),
  'PROGRAMME.NOT_IN_GROUP': spec(403, 'The programme is open to one Entra group (members of nested groups included) and the caller is not in it.'),
  'PROGRAMME.ENDED': spec(409, 'The programme has ended and takes no new members.'),
  'PROGRAMME.NO_MATCHES': spec(404, 'No matches have been suggested for the programme yet.'),
  'PROGRAMME.MATCHES_PUBLISHED': spec(409, 'The matches are published and no longer change; a new suggestion starts the next round.'),
  'PROGRAMME.PROFILE_REQUIRED': spec(422, 'Joining a programme needs a mentoring profile (seniority, skills and languages are what matching reads).'),
  'PROGRAMME.MESSAGES_UNAVAILABLE': spec(503, 'The bot\'s delivery queues are not connected on this server, so nothing was sent; try again in a minute.'),
  'PROGRAMME.ANNOUNCEMENT_NOT_FOUND': spec(404, 'No announcement with that id in this programme.'),
  'PROGRAMME.ANNOUNCEMENT_KEY_REUSED': spec(409, 'The client key was used before for an announcement with other text; a new announcement needs a new key.'),
  'PROGRAMME.ANNOUNCEMENT_EMPTY': spec(422, 'The announcement has no text.'),
  'PROGRAMME.NO_MEMBERS': spec(409, 'Nobody has joined the programme yet, so an announcement would reach no one.'),
  'PROGRAMME.PAIR_NOT_FOUND': spec(404, 'No pair with that relationship id in this programme.'),
  'PROGRAMME.PAIR_NOT_AT_RISK': spec(409, 'The pair is not on the at-risk list (any more); nudges are for pairs at risk.'),
  'PROGRAMME.NUDGE_TOO_SOON': spec(409, 'The pair was nudged less than seven days ago; details.nextPossibleAt says when the next nudge is possible.'),
  'PROGRAMME.NOT_INVITED': spec(403, 'The programme is open only to the people its owner invited, and the caller is not on the list.'),
  'PROGRAMME.SEARCH_TOO_SHORT': spec(422, 'A people search needs at least two letters of a name or job title.'),
  'DIRECTORY.NOT_CONFIGURED': spec(503, 'The host has no Graph credential to read Microsoft Entra groups.'),

  // Profiles
  'PROFILE.NOT_FOUND': spec(404, 'No mentoring profile yet.'),
  'PROFILE.JOB_TITLE_REQUIRED': spec(422, 'The job title is empty.'),
  'PROFILE.SENIORITY_UNKNOWN': spec(422, 'Not one of the seniority levels.'),
  'PROFILE.BLANK_ENTRY': spec(422, 'A skill or language is empty.'),
  'PROFILE.CAPACITY_OUT_OF_RANGE': spec(422, 'Capacity is not a whole number 0–10.'),
  'PROFILE.VERSION_REQUIRED': spec(409, 'The profile exists; send the version read.'),

  // Requests
  'REQUEST.NOT_FOUND': spec(404, 'No such request among the caller’s.'),
  'REQUEST.NOT_ALLOWED': spec(403, 'The other side of the request must do this.'),
  'REQUEST.SELF': spec(422, 'A request to oneself.'),
  'REQUEST.PREWORK_REQUIRED': spec(422, 'The pre-work says nothing about what the mentee wants.'),
  'REQUEST.PROFILE_REQUIRED': spec(422, 'The mentee has no profile yet.'),
  'REQUEST.MENTOR_NOT_FOUND': spec(404, 'The mentor has no profile.'),
  'REQUEST.MENTOR_AT_CAPACITY': spec(409, 'The mentor has no room for another mentee.'),
  'REQUEST.MENTOR_NOT_OPEN_TO_REVERSE': spec(422, 'A reverse pairing with a mentor not open to it.'),
  'REQUEST.DUPLICATE_OPEN': spec(409, 'An open request to this mentor already exists.'),
  'REQUEST.ALREADY_PAIRED': spec(409, 'This mentor is already the caller’s mentor.'),
  'REQUEST.NOT_OPEN': spec(409, 'The request was already accepted, declined or withdrawn.'),
  'REQUEST.DECLINE_REASON_REQUIRED': spec(422, 'Declining needs a reason.'),

  // Relationships
  'RELATIONSHIP.NOT_FOUND': spec(404, 'No such relationship among the caller’s (strangers get this too).'),
  'RELATIONSHIP.CLOSED': spec(409, 'The relationship is closed.'),
  'RELATIONSHIP.ALREADY_CLOSED': spec(409, 'The caller already closed it with a reflection.'),
  'RELATIONSHIP.REFLECTION_REQUIRED': spec(422, 'Closing needs a reflection.'),

  // Goals, roadmap, action items, check-ins
  'GOAL.NOT_FOUND': spec(404, 'No such goal.'),
  'GOAL.TOO_MANY': spec(409, 'The pair has as many goals as a relationship holds (GROWTH_LIMITS).'),
  'GOAL.TITLE_REQUIRED': spec(422, 'The goal has no title.'),
  'GOAL.TARGET_DATE_INVALID': spec(422, 'The target date is not a real YYYY-MM-DD date.'),
  'GOAL.PROGRESS_OUT_OF_RANGE': spec(422, 'Progress is not a whole number 0–100.'),
  'ROADMAP.THEME_TITLE_REQUIRED': spec(422, 'A theme has no title.'),
  'ROADMAP.TOO_MANY_THEMES': spec(422, 'More roadmap themes than a roadmap holds (GROWTH_LIMITS).'),
  'ROADMAP.DUPLICATE_THEME': spec(422, 'The same theme id appears twice.'),
  'ROADMAP.MEETING_NUMBER_INVALID': spec(422, 'A meeting number is not 1–200.'),
  'ROADMAP.TEMPLATE_NOT_FOUND': spec(422, 'The template theme does not exist.'),
  'ACTION_ITEM.NOT_FOUND': spec(404, 'No such action item.'),
  'ACTION_ITEM.TOO_MANY_OPEN': spec(409, 'The pair has as many open action items as it may (GROWTH_LIMITS).'),
  'ACTION_ITEM.TITLE_REQUIRED': spec(422, 'The action item has no title.'),
  'ACTION_ITEM.OWNER_NOT_IN_PAIR': spec(422, 'The owner is not one of the pair.'),
  'ACTION_ITEM.DUE_DATE_INVALID': spec(422, 'The due date is not a real YYYY-MM-DD date.'),
  'ACTION_ITEM.STATUS_UNKNOWN': spec(422, 'The status is neither open nor done.'),
  'MEETING_CONTEXT.INVALID_CHAT_ID': spec(400, 'The chat id is not a Teams meeting chat id.'),
  'MEETING_CONTEXT.NOT_FOUND': spec(404, 'The meeting chat is not one of the caller\'s mentoring meetings.'),
  'CHECKIN.NOT_FOUND': spec(404, 'The caller has not checked in for this meeting.'),
  'CHECKIN.MEETING_NOT_FOUND': spec(404, 'The meeting is not part of this relationship.'),
  'CHECKIN.MEETING_CANCELLED': spec(409, 'The meeting was cancelled.'),
  'CHECKIN.MEETING_NOT_STARTED': spec(422, 'The meeting has not started yet.'),
  'CHECKIN.EMPTY': spec(422, 'The check-in says nothing.'),
  'CHECKIN.GOAL_NOT_FOUND': spec(422, 'A progress update names a goal that does not exist.'),
  'CHECKIN.GOAL_REPEATED': spec(422, 'A goal is updated twice in one check-in.'),
  'CHECKIN.VERSION_REQUIRED': spec(409, 'The check-in exists already (sent from the tab or the chat); send the version read to edit it.'),
  'CHECKIN.RATING_OUT_OF_RANGE': spec(422, '"How useful was it?" is not a whole number from 1 to 5.'),

  // Proactive delivery (the bot's messages; answered in a card or the delivery log, not over HTTP)
  'DELIVERY.NOTHING_TO_REMIND': spec(409, 'Every action item due by the next meeting is done; no reminder.'),
  'DELIVERY.UNSUPPORTED_KIND': spec(422, 'This kind of proactive message is not sent by this version.'),
  'DELIVERY.CONNECTOR_ERROR': spec(502, 'The Bot Connector answered an error status (not 429) to a proactive send.'),
  'DELIVERY.UNEXPECTED_ERROR': spec(500, 'Handling a delivery job threw (storage unreachable, a bug); the log line has the cause.'),
  'DELIVERY.UNREADABLE_MESSAGE': spec(422, 'A delivery queue message is not a batch of jobs; it was moved to the poison queue.'),
  'DELIVERY.QUEUE_UNAVAILABLE': spec(503, 'A bot queue (a later read of an attendance report) could not be written.'),

  // Anything else
  'INTERNAL.UNEXPECTED': spec(500, 'A bug; the correlation id finds it in the logs.'),
  'SERVICE.UNAVAILABLE': spec(503, 'A dependency is unavailable.'),
} as const satisfies { readonly [C in ErrorCode]: ErrorSpec };

export function isKnownErrorCode(code: string): code is ErrorCode {
  return isErrorCode(code);
}

/** The status for a code; an unlisted code is a bug, answered as 500 INTERNAL.UNEXPECTED by the edge. */
export function httpStatusFor(code: string): number {
  return isKnownErrorCode(code) ? ERROR_CATALOGUE[code].status : 500;
}

/** The error body every failed API call answers with. */
export const ErrorResponse = z
  .object({
    error: z
      .object({
        code: z.string().regex(/^[A-Z][A-Z_]*\.[A-Z][A-Z_]*$/),
        message: z.string().min(1).max(1000),
        field: z.string().max(200).optional(),
        details: z.record(z.string(), z.unknown()).optional(),
        correlationId: z.string().min(1).max(200),
      })
      .strict(),
  })
  .strict();
export type ErrorResponse = z.infer<typeof ErrorResponse>;
