import { MeetingDto, toMeetingDto } from '../../src/contracts/relationships';
import type { Meeting } from '../../src/core/relationships/meeting';

const meeting: Meeting = { id: 'm1', number: 1, start: Date.parse('2026-11-23T10:00:00Z'), end: Date.parse('2026-11-23T11:00:00Z'), status: 'held', organizerId: 'mentor', version: '1' };

it('a meeting carries what really happened (programme health reads it), and none on the timer path', () => {
  const dto = toMeetingDto({ ...meeting, attendance: { endedAt: Date.parse('2026-11-23T10:52:41Z'), outcome: 'halfAttended', joined: ['mentee'] } });
  expect(dto.attendance).toEqual({ endedAt: '2026-11-23T10:52:41.000Z', outcome: 'halfAttended', joined: ['mentee'] });
  expect(MeetingDto.parse(dto)).toEqual(dto);
  expect(toMeetingDto(meeting)).not.toHaveProperty('attendance');
});
