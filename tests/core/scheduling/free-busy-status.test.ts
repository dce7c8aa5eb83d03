import { AVAILABILITY_OF_STATUS, blocksTime, FREE_BUSY_STATUSES } from '../../../src/core/scheduling/free-busy-status';

describe('free/busy semantics of Graph statuses', () => {
  it('covers every freeBusyStatus Graph documents, and nothing else', () => {
    expect([...FREE_BUSY_STATUSES].sort()).toEqual(['busy', 'free', 'oof', 'tentative', 'unknown', 'workingElsewhere']);
    expect(Object.keys(AVAILABILITY_OF_STATUS).sort()).toEqual([...FREE_BUSY_STATUSES].sort());
  });
  it('free is free', () => expect(blocksTime('free')).toBe(false));
  it('workingElsewhere is free: a place to work, not an engagement', () => expect(blocksTime('workingElsewhere')).toBe(false));
  it('tentative is busy: a meeting they may attend', () => expect(blocksTime('tentative')).toBe(true));
  it('busy is busy', () => expect(blocksTime('busy')).toBe(true));
  it('oof is busy: away', () => expect(blocksTime('oof')).toBe(true));
  it('unknown is busy: what we cannot see we do not book over', () => expect(blocksTime('unknown')).toBe(true));
});
