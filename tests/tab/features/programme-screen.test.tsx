/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import type { MentoringApi } from '../../../src/tab/api/mentoring-api';
import { SessionProvider } from '../../../src/tab/app/session';
import ProgrammeScreen from '../../../src/tab/features/programme/programme-screen';
import { renderWithProviders } from '../support/render-with-providers';

const programme = {
  id: 'p1',
  name: 'Data skills 2027',
  purpose: '',
  startDate: '2027-01-04',
  endDate: '2027-06-30',
  joinPolicy: { kind: 'everyone' },
  kind: 'mentoring',
  matchingMode: 'cohort',
  mentorCapacity: 2,
  defaultAgreement: { cadence: { kind: 'biweekly' }, meetingMinutes: 45, meetingCount: 6 },
  roadmapTemplateIds: [],
  goals: [],
  publishAs: 'accepted',
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  version: '"1"',
};
const health = {
  pairs: 12,
  smallGroup: false,
  hidden: ['byStage.closed'],
  hiddenReason: 'Numbers about fewer than 5 people are not shown, so that no one can be picked out.',
  byStage: { matched: 3, agreed: 3, meeting: 6, closed: null },
  meetings: { planned: 10, held: 20, missed: 2, cancelled: 3 },
  checkInResponseRate: 0.75,
  goalProgressAverage: 40,
  daysToFirstMeeting: 9.5,
  atRisk: { total: 60, pairs: [{ relationshipId: 'r1', menteeId: 'e', menteeName: 'Margaret Hale', mentorId: 'm', mentorName: 'Kacper Nowak', stage: 'agreed', risks: ['twoCancellationsInARow'], asOf: '2027-02-01T00:00:00.000Z' }] },
  updatedAt: '2027-02-01T00:00:00.000Z',
};

function api(asOwner: boolean) {
  return {
    listProgrammes: async () => ({ asOwner, programmes: asOwner ? [programme] : [] }),
    getProgramme: async () => programme,
    getProgrammeHealth: async () => health,
  } as unknown as MentoringApi;
}

function render(asOwner: boolean, language: 'en' | 'pl' = 'en') {
  return renderWithProviders(
    <SessionProvider value={{ api: api(asOwner), signIn: { kind: 'local', label: 'Oliver Bennett' } }}>
      <ProgrammeScreen />
    </SessionProvider>,
    { language },
  );
}

it('shows an owner the figures from facts, what is hidden and why, the pairs at risk with names and facts, and the export', async () => {
  render(true);
  expect(await screen.findByRole('heading', { level: 1, name: 'Programme' })).toBeTruthy();
  expect(await screen.findByText('75 %')).toBeTruthy();
  expect(screen.getByText('Numbers about fewer than 5 people are not shown, so that no one can be picked out.')).toBeTruthy();
  expect(screen.getByRole('cell', { name: 'Margaret Hale · Kacper Nowak' })).toBeTruthy();
  expect(screen.getByRole('cell', { name: 'Two cancellations in a row' })).toBeTruthy();
  expect(screen.getByText('Showing the first 1 of 60; the pair list export has them all.')).toBeTruthy();
  for (const name of ['Aggregates', 'Pair list', 'Column dictionary']) expect(screen.getByRole('button', { name })).toBeTruthy();
});

it('tells someone who does not own programmes who this page is for', async () => {
  render(false);
  expect(await screen.findByText('Programmes are run by their owners')).toBeTruthy();
});
