/**
 * A Teams meeting's chat, from its join link: Teams' join URLs carry the meeting chat's thread id
 * (`/l/meetup-join/19%3ameeting_…%40thread.v2/0?context=…`, the `chatInfo.threadId` of the online
 * meeting), so the server finds the meeting of a chat among the caller's own meetings without
 * trusting any id the client sends.
 */
const THREAD_ID = /^19:meeting_[A-Za-z0-9_\-=+/]{1,200}@thread\.v2$/;

/** A meeting chat's id as Teams gives it (`19:meeting_…@thread.v2`). */
export const isMeetingChatId = (value: string): boolean => THREAD_ID.test(value);

/** The meeting chat's thread id in a Teams join URL, or undefined when the link carries none. */
export function chatThreadIdOfJoinUrl(joinUrl: string): string | undefined {
  let path: string;
  try {
    path = new URL(joinUrl).pathname;
  } catch {
    return undefined;
  }
  const match = /\/l\/meetup-join\/([^/]+)/.exec(path);
  if (!match) return undefined;
  let thread: string;
  try {
    thread = decodeURIComponent(match[1]!);
  } catch {
    return undefined;
  }
  return isMeetingChatId(thread) ? thread : undefined;
}
