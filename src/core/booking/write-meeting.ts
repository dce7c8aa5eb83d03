import { ok, type Result } from '../result';
import { STORAGE_CONFLICT } from '../ports/repositories';
import type { Meeting } from '../relationships/meeting';
import type { BookingDeps } from './booking-ports';

/**
 * Applies `change` to the stored meeting with its ETag. On a conflict (another request or the timer
 * wrote it meanwhile) the meeting is read again and `change` applied to that, so neither write is lost;
 * `change` returns undefined when the stored meeting needs nothing more.
 */
export async function writeMeeting(
  deps: Pick<BookingDeps, 'repos'>,
  tenantId: string,
  relationshipId: string,
  current: Meeting,
  change: (meeting: Meeting) => Omit<Meeting, 'version'> | undefined,
): Promise<Result<Meeting>> {
  let meeting = current;
  for (let attempt = 0; attempt < 4; attempt++) {
    const next = change(meeting);
    if (next === undefined) return ok(meeting);
    const written = await deps.repos.relationships.meetings.update(tenantId, relationshipId, next, meeting.version);
    if (written.ok || written.error.code !== STORAGE_CONFLICT) return written;
    const reread = await deps.repos.relationships.meetings.get(tenantId, relationshipId, meeting.id);
    if (!reread.ok) return reread;
    meeting = reread.value;
  }
  return deps.repos.relationships.meetings.get(tenantId, relationshipId, meeting.id);
}

export function withoutVersion(meeting: Meeting): Omit<Meeting, 'version'> {
  const { version: _version, ...rest } = meeting;
  return rest;
}
