/**
 * How long an Outlook change takes to reach the product's record, end to end on the local stack as
 * `npm start` runs it: the local calendar notifies the API's webhook (after validating it), the
 * webhook queues in Azurite, the queue worker syncs the pair through Graph (app-only tokens from the
 * local issuer via MSAL) and writes the meeting. See bench/README.md.
 */
import { keepSubscriptions } from '../../src/api/functions/calendar-changes';
import { startLocalStack, type LocalStack } from '../../src/local/start-local-stack';
import { stackHttp as http } from './stack-http';

const OLIVER = 'a0000004-0000-4000-8000-000000000004';
const KACPER = 'a0000002-0000-4000-8000-000000000002';
const CONTOSO = '11111111-1111-4111-8111-111111111111';
const quiet = { error: () => undefined, info: () => undefined };


/** A reverse pair (London mentee organizes, Warsaw mentor) with its series booked, through the API. */
async function bookedPair(stack: LocalStack): Promise<{ relationshipId: string; menteeToken: string }> {
  const oliver = (await http(stack, 'POST', '/local-identity/token', { personId: OLIVER })).accessToken as string;
  const kacper = (await http(stack, 'POST', '/local-identity/token', { personId: KACPER })).accessToken as string;
  const request = await http(stack, 'POST', '/api/requests', { mentorId: KACPER, note: 'Copilot, please', preWork: { whatIWant: 'Generative AI', whatIBring: 'Coaching', expectations: 'Weekly' } }, oliver);
  const relationship = await http(stack, 'POST', `/api/requests/${request.id}/accept`, { version: request.version }, kacper);
  const hours = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '18:00' }));
  const agreement = {
    cadence: { kind: 'weekly' },
    meetingMinutes: 30,
    bufferMinutes: 0,
    minimumNoticeHours: 24,
    respectWorkingHours: false,
    firstDate: '2027-01-12',
    meetingCount: 6,
    location: { kind: 'online' },
    mentor: { personId: KACPER, timeZone: 'Europe/Warsaw', meetingWindows: [{ weekday: 2, start: '10:00', end: '18:00' }], contactChannel: 'teamsChat', contactHours: hours },
    mentee: { personId: OLIVER, timeZone: 'Europe/London', meetingWindows: [{ weekday: 2, start: '09:00', end: '17:00' }], contactChannel: 'email', contactHours: hours },
  };
  const proposed = await http(stack, 'POST', `/api/relationships/${relationship.id}/agreement`, { agreement, note: '' }, oliver);
  await http(stack, 'POST', `/api/relationships/${relationship.id}/agreement/1/accept`, { version: proposed.versions[0].version }, kacper);
  await http(stack, 'POST', `/api/relationships/${relationship.id}/meetings`, { scope: 'series' }, oliver);
  return { relationshipId: relationship.id, menteeToken: (await http(stack, 'POST', '/local-identity/graph-token', { personId: OLIVER })).accessToken };
}

export interface ChangeSeen {
  readonly samplesMs: number[];
  readonly p95Ms: number;
  readonly medianMs: number;
}

export async function measureOutlookChangeSeen(samples: number, timeoutMs = 120_000): Promise<ChangeSeen> {
  const stack = await startLocalStack({ httpPort: 0, logger: quiet, env: { LOCAL_CLOCK_START: '2027-01-04T09:00:00Z' } });
  try {
    const { relationshipId, menteeToken } = await bookedPair(stack);
    const repos = stack.api.services.repositories;
    // The booking subscribed the organizer's mailbox already; the subscription timer finds it and keeps it.
    await keepSubscriptions(stack.api.services, stack.api.services.clock.now(), quiet);
    const listed = await repos.relationships.meetings.list(CONTOSO, relationshipId);
    if (!listed.ok) throw new Error(listed.error.code);
    const meetings = listed.value.filter((m) => m.eventId);
    if (meetings.length === 0) throw new Error('no meeting was booked');
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const meeting = meetings[i % meetings.length]!;
      const current = await repos.relationships.meetings.get(CONTOSO, relationshipId, meeting.id);
      if (!current.ok) throw new Error(current.error.code);
      // Each change moves the meeting by 15 minutes (back and forth) in the organizer's Outlook.
      const start = current.value.start + (i % 2 === 0 ? 15 : -15) * 60_000;
      const at = (t: number) => ({ dateTime: new Date(t).toISOString().slice(0, 19), timeZone: 'UTC' });
      const t0 = performance.now();
      await http(stack, 'PATCH', `/local-graph/v1.0/users/${OLIVER}/events/${encodeURIComponent(meeting.eventId!)}`, { start: at(start), end: at(start + (current.value.end - current.value.start)) }, menteeToken);
      for (;;) {
        const seen = await repos.relationships.meetings.get(CONTOSO, relationshipId, meeting.id);
        if (seen.ok && seen.value.start === start) break;
        if (performance.now() - t0 > timeoutMs) throw new Error(`change ${i} not seen within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      times.push(performance.now() - t0);
    }
    const sorted = [...times].sort((a, b) => a - b);
    return { samplesMs: times, p95Ms: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!, medianMs: sorted[Math.floor(sorted.length / 2)]! };
  } finally {
    await stack.stop();
  }
}
