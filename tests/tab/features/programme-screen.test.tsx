/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { ApiError } from '../../../src/tab/api/api-error';
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

/** What a member reads (GET /api/me/programmes): no invited list, no members, no health. */
const invited = { id: 'p1', name: 'Data skills 2027', purpose: 'Pair analysts with report builders', startDate: '2027-01-04', endDate: '2027-06-30', kind: 'both', matchingMode: 'cohort', ended: false };
const notInvited = { status: 403, code: 'PROGRAMME.NOT_INVITED', message: "This programme is open only to the people its owner invited, and you are not on the list. Ask the programme's owner to invite you." };

function api(asOwner: boolean, member: { list?: unknown[]; joins?: unknown[] } = {}) {
  let joined = false;
  return {
    listProgrammes: async () => ({ asOwner, programmes: asOwner ? [programme] : [] }),
    getProgramme: async () => programme,
    getProgrammeHealth: async () => health,
    listMyProgrammes: async () => ({ programmes: member.list ?? [] }),
    getMyProfile: async () => ({ timeZone: 'Europe/Paris' }),
    getMyProgramme: async (id: string) => {
      if (id !== 'p1') throw new ApiError({ kind: 'forbidden', status: 403, code: 'PROGRAMME.NOT_INVITED', serverMessage: notInvited.message });
      return joined ? { ...invited, membership: { role: 'mentee', joinedAt: '2027-01-05T10:00:00.000Z' } } : invited;
    },
    joinProgramme: async (id: string, body: unknown) => {
      member.joins?.push({ id, body });
      joined = true;
      return {};
    },
  } as unknown as MentoringApi;
}

function render(asOwner: boolean, language: 'en' | 'pl' = 'en', member: { list?: unknown[]; joins?: unknown[] } = {}, programmeId?: string) {
  return renderWithProviders(
    <SessionProvider value={{ api: api(asOwner, member), signIn: { kind: 'local', label: 'Oliver Bennett' } }}>
      <ProgrammeScreen programmeId={programmeId} />
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

it('tells someone with no programme open to them that an invitation will bring one here', async () => {
  render(false);
  expect(await screen.findByRole('heading', { level: 1, name: 'Programmes you can join' })).toBeTruthy();
  expect(await screen.findByText('No programme is open to you right now. When a programme owner invites you, the programme appears here.')).toBeTruthy();
});

it('an invited person opens the invitation, joins as a mentee with one weekly time, and reads what happens next', async () => {
  const joins: unknown[] = [];
  render(false, 'en', { list: [invited], joins }, 'p1');
  expect(await screen.findByRole('heading', { level: 2, name: 'Data skills 2027' })).toBeTruthy();
  expect(screen.getByText('Pair analysts with report builders')).toBeTruthy();
  expect(screen.getByText('Mentoring and reverse mentoring')).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'Join Data skills 2027' }));
  expect(await screen.findByText('You joined Data skills 2027.')).toBeTruthy();
  expect(screen.getByText(/^You joined as a mentee on /)).toBeTruthy();
  expect(screen.getByText(/the programme’s owner matches people/)).toBeTruthy();
  expect(joins).toEqual([{ id: 'p1', body: { role: 'mentee', timeZone: 'Europe/Paris', meetingWindows: [{ weekday: 2, start: '10:00', end: '11:00' }] } }]);
  expect(screen.queryByRole('button', { name: /^Join/ })).toBeNull();
});

it('someone not invited who opens the link reads why (the code in their language) and the programmes they can join (Polish)', async () => {
  render(false, 'pl', {}, 'p-other');
  expect(await screen.findByText('Ten program jest otwarty tylko dla osób zaproszonych przez właściciela, a Ciebie nie ma na liście. Poproś właściciela programu o zaproszenie.')).toBeTruthy();
  expect(screen.getByRole('heading', { level: 1, name: 'Programy, do których możesz dołączyć' })).toBeTruthy();
  expect(screen.getByText(/Żaden program nie jest teraz dla Ciebie otwarty/)).toBeTruthy();
});

it('does not offer Join for an end before the start', async () => {
  render(false, 'en', { list: [invited] });
  await screen.findByRole('heading', { level: 2, name: 'Data skills 2027' });
  fireEvent.change(document.getElementById('join-p1-to')!, { target: { value: '09:00' } });
  await waitFor(() => expect(screen.getByText('The end must be after the start.')).toBeTruthy());
  expect((screen.getByRole('button', { name: 'Join Data skills 2027' }) as HTMLButtonElement).disabled).toBe(true);
});
