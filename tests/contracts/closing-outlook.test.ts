import { ClosingOutlookDto, toClosingOutlookDto } from '../../src/contracts';
import { fail, ok } from '../../src/core/result';

describe('what closing tells about Outlook', () => {
  it('done only when no future meeting waits', () => {
    expect(toClosingOutlookDto(ok({ cancelled: ['m1', 'm2'], left: [] }))).toEqual({ status: 'done', cancelled: 2, waiting: 0 });
  });

  it('partly, with the first reason, when Outlook refused some cancellations', () => {
    const dto = toClosingOutlookDto(ok({ cancelled: ['m1'], left: [{ meetingId: 'm2', code: 'GRAPH.THROTTLED' }, { meetingId: 'm3', code: 'GRAPH.UNAVAILABLE' }] }));
    expect(dto).toEqual({ status: 'partly', cancelled: 1, waiting: 2, code: 'GRAPH.THROTTLED' });
    expect(ClosingOutlookDto.parse(dto)).toEqual(dto);
  });

  it('not reached, with the calendar’s reason, when the calendar could not be used', () => {
    expect(toClosingOutlookDto(fail('CALENDAR.NOT_CONFIGURED', 'no calendar'))).toEqual({ status: 'not-reached', cancelled: 0, waiting: 0, code: 'CALENDAR.NOT_CONFIGURED' });
  });
});
