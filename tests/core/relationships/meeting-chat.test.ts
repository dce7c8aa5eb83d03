import { chatThreadIdOfJoinUrl, isMeetingChatId } from '../../../src/core/relationships/meeting-chat';
import { fixture } from '../../adapters/graph/strict-graph-server';
import { meetingThreadIdOf } from '../../../src/local/calendar/online-meetings';

it("reads the meeting chat's thread id from a Teams join link, as Graph's chatInfo.threadId gives it (recorded JSON)", () => {
  const meeting = fixture<{ value: { joinWebUrl: string; chatInfo: { threadId: string } }[] }>('online-meetings-by-join-url.response.json').value[0]!;
  expect(chatThreadIdOfJoinUrl(meeting.joinWebUrl)).toBe(meeting.chatInfo.threadId);
  expect(isMeetingChatId(meeting.chatInfo.threadId)).toBe(true);
});

it('the local calendar’s join links carry their online meeting’s thread id the same way', () => {
  const thread = meetingThreadIdOf('AAMkAGI2TG93AAA=');
  expect(chatThreadIdOfJoinUrl(`https://teams.local.invalid/l/meetup-join/${encodeURIComponent(thread)}/0`)).toBe(thread);
});

it.each([
  'not a url',
  'https://teams.microsoft.com/l/meetup-join/',
  'https://teams.microsoft.com/l/meetup-join/19%3aabc%40thread.skype/0',
  'https://teams.microsoft.com/l/meetup-join/%E0%A4%A/0',
  'https://example.com/l/chat/19%3ameeting_abc%40thread.v2/0',
])('finds no chat in %s', (url) => {
  expect(chatThreadIdOfJoinUrl(url)).toBeUndefined();
});
