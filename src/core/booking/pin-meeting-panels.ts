/**
 * The mentoring panel in each booked Teams meeting: find the meeting's chat by the join URL, install
 * the app there and pin the side panel, then record where it got to on the meeting. It runs after a
 * booking has its answer and from the calendar sync timer, never inside the booking: a failure
 * (throttling, an outage, an admin who has not allowed it, a chat Teams has not made yet) is recorded
 * with its reason and tried again by the next sync run until the meeting ends. Each step is
 * idempotent at the port (already installed, panel already there: success), so a retry never adds a
 * second tab.
 */
import { ok, type DomainError, type Result } from '../result';
import type { Instant } from '../time/interval';
import type { Meeting, MeetingPanel } from '../relationships/meeting';
import type { MentoringRepositories } from '../ports/repositories';
import type { MeetingChatAppsPort } from '../ports/teams-apps';
import { withoutVersion, writeMeeting } from './write-meeting';
import type { ErrorCode } from '../error-codes';

export interface MeetingPanelDeps {
  readonly repos: MentoringRepositories;
  readonly meetingPanels: MeetingChatAppsPort;
}

export interface PanelRun {
  readonly pinned: readonly string[];
  readonly failed: readonly { readonly meetingId: string; readonly code: ErrorCode }[];
}

/** An online meeting in the calendar, not over, whose panel is not pinned yet. */
export function needsPanel(meeting: Meeting, now: Instant): meeting is Meeting & { joinUrl: string } {
  return (
    meeting.status === 'planned' &&
    meeting.joinUrl !== undefined &&
    meeting.eventId !== undefined &&
    meeting.bookingState !== 'pending' &&
    meeting.bookingState !== 'failed' &&
    meeting.end > now &&
    meeting.panel?.status !== 'pinned'
  );
}

/** One attempt for one meeting: from where the last one got to, as far as it goes now. */
async function attempt(port: MeetingChatAppsPort, meeting: Meeting & { joinUrl: string }, now: Instant): Promise<MeetingPanel> {
  const before = meeting.panel;
  const base = { attempts: (before?.attempts ?? 0) + 1, lastTriedAt: now };
  // The app in the chat but no panel yet is `installed` (with the pin's error); nothing there yet is `failed`.
  const failed = (error: DomainError, chatId: string | undefined, installed: boolean): MeetingPanel => ({
    ...base,
    status: installed ? 'installed' : 'failed',
    ...(chatId ? { chatId } : {}),
    installed,
    error: { code: error.code, message: error.message },
  });
  let chatId = before?.chatId;
  if (!chatId) {
    const chat = await port.findMeetingChat(meeting.organizerId, meeting.joinUrl);
    if (!chat.ok) return failed(chat.error, undefined, false);
    chatId = chat.value;
  }
  if (!before?.installed) {
    // Installed once, never again: a retry after a failed pin only pins.
    const installed = await port.installInChat(chatId);
    if (!installed.ok) return failed(installed.error, chatId, false);
  }
  const pinned = await port.pinPanel(chatId);
  if (!pinned.ok) return failed(pinned.error, chatId, true);
  return { ...base, status: 'pinned', chatId, installed: true };
}

export async function pinMeetingPanels(deps: MeetingPanelDeps, tenantId: string, relationshipId: string, meetings: readonly Meeting[], now: Instant): Promise<Result<PanelRun>> {
  const pinned: string[] = [];
  const failed: { meetingId: string; code: ErrorCode }[] = [];
  for (const meeting of meetings) {
    if (!needsPanel(meeting, now)) continue;
    const panel = await attempt(deps.meetingPanels, meeting, now);
    // A run that wrote `pinned` meanwhile wins; otherwise this attempt's state is recorded.
    const written = await writeMeeting(deps, tenantId, relationshipId, meeting, (stored) =>
      stored.panel?.status === 'pinned' ? undefined : { ...withoutVersion(stored), panel },
    );
    if (!written.ok) return written;
    if (panel.status === 'pinned') pinned.push(meeting.id);
    else failed.push({ meetingId: meeting.id, code: (panel.error?.code ?? 'GRAPH.UNAVAILABLE') as ErrorCode });
  }
  return ok({ pinned, failed });
}
