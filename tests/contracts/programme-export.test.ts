/** The CSV export's cells: RFC 4180 quoting, and no cell a spreadsheet would run as a formula. */
import { pairsCsv } from '../../src/contracts/programme-export';
import type { PairFacts } from '../../src/core/programmes/programme-health';

const pair = (menteeName: string, mentorName: string): PairFacts => ({
  relationshipId: 'r1',
  menteeId: 'e',
  mentorId: 'm',
  menteeName,
  mentorName,
  stage: 'agreed',
  matchedAt: Date.UTC(2027, 0, 4),
  meetings: { planned: 2, held: 0, missed: 0, cancelled: 0 },
  checkInsAnswered: 0,
  checkInsExpected: 0,
  goals: 1,
  goalProgressSum: 10,
  periodDays: 14,
  lastTwoCancelled: false,
  risks: [],
  asOf: Date.UTC(2027, 0, 5),
});

it('quotes commas, quotes and line breaks, and defuses formulas', () => {
  const [, row] = pairsCsv([pair('=HYPERLINK("http://x","y")', 'Nowak, Kacper "KN"\nline')]).split('\r\n');
  expect(row).toBe(`r1,"'=HYPERLINK(""http://x"",""y"")","Nowak, Kacper ""KN""\nline",agreed,2027-01-04,,,2,0,0,0,0,0,1,`);
  for (const lead of ['+', '-', '@', '\t']) expect(pairsCsv([pair(`${lead}1`, 'B')]).split('\r\n')[1]).toContain(`,'${lead}1,`);
});
