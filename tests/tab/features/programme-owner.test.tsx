/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../../src/tab/api/api-error';
import type { MentoringApi } from '../../../src/tab/api/mentoring-api';
import { SessionProvider } from '../../../src/tab/app/session';
import ProgrammeScreen from '../../../src/tab/features/programme/programme-screen';
import { ownerEn, ownerPl } from '../../../src/tab/features/programme/owner-messages';
import { renderWithProviders } from '../support/render-with-providers';

const KACPER = { userId: 'k', displayName: 'Kacper Nowak', jobTitle: 'Junior Developer' };
const programme = {
  id: 'p1',
  name: 'Data skills 2027',
  purpose: 'Grow data skills',
  startDate: '2027-01-04',
  endDate: '2027-06-30',
  joinPolicy: { kind: 'invited', personIds: ['e1', 'e2', 'm1', 'm2'] },
  kind: 'both',
  matchingMode: 'cohort',
  mentorCapacity: 1,
  defaultAgreement: { cadence: { kind: 'biweekly' }, meetingMinutes: 45, meetingCount: 6 },
  roadmapTemplateIds: [],
  goals: [],
  publishAs: 'accepted',
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  version: '"1"',
};
const overlap = (menteeZone: string, mentorZone: string) => ({
  weekStart: '2027-01-04T00:00:00.000Z',
  mentee: { timeZone: menteeZone, windows: [{ weekday: 2, start: '09:00', end: '10:30' }] },
  mentor: { timeZone: mentorZone, windows: [{ weekday: 2, start: '13:30', end: '15:00' }] },
});
const cohort = {
  programmeId: 'p1',
  round: 1,
  status: 'draft',
  totalScore: 30,
  pairs: [
    { menteeId: 'e1', menteeName: 'Margaret Hale', mentorId: 'm1', mentorName: 'Kacper Nowak', score: 20, reverse: true, pinned: false, minutesPerWeek: 90, overlap: overlap('Europe/London', 'Asia/Kolkata') },
    { menteeId: 'e2', menteeName: 'Oliver Bennett', mentorId: 'm2', mentorName: 'Priya Raman', score: 10, reverse: false, pinned: false, minutesPerWeek: 210 },
  ],
  unmatched: [],
  notMatchable: 0,
  updatedAt: '2026-12-02T00:00:00.000Z',
  version: '"c1"',
};

function render(api: Partial<Record<keyof MentoringApi, unknown>>, language: 'en' | 'pl' = 'en') {
  return renderWithProviders(
    <SessionProvider value={{ api: api as unknown as MentoringApi, signIn: { kind: 'local', label: 'Oliver Bennett' } }}>
      <ProgrammeScreen />
    </SessionProvider>,
    { language },
  );
}

it('keeps the Polish owner catalogue complete, with the same placeholders as the English one', () => {
  const placeholders = (entry: unknown) => [...JSON.stringify(entry).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().filter((v, i, a) => a.indexOf(v) === i);
  expect(Object.keys(ownerPl).sort()).toEqual(Object.keys(ownerEn).sort());
  for (const key of Object.keys(ownerEn) as (keyof typeof ownerEn)[]) expect([key, placeholders(ownerPl[key])]).toEqual([key, placeholders(ownerEn[key])]);
});

it('creates a programme: says at each field what to fix, invites people found by name, and keeps the draft when the API refuses', async () => {
  const user = userEvent.setup();
  const sent: unknown[] = [];
  const api = {
    listProgrammes: async () => ({ asOwner: true, programmes: [] }),
    searchProgrammePeople: async (q: string) => ({ people: q === 'kac' ? [{ id: KACPER.userId, displayName: KACPER.displayName, jobTitle: KACPER.jobTitle }] : [] }),
    getProfile: async () => KACPER,
    createProgramme: async (body: unknown) => {
      sent.push(body);
      if (sent.length === 1) {
        throw new ApiError({ kind: 'validation', status: 400, code: 'PROGRAMME.INVALID_DATES', field: 'endDate', serverMessage: 'A programme runs at most three years; split a longer one into cohorts.' });
      }
      return { ...programme, name: 'Data skills 2027', joinPolicy: { kind: 'invited', personIds: ['k'] } };
    },
    getProgramme: async () => ({ ...programme, joinPolicy: { kind: 'invited', personIds: ['k'] } }),
    listProgrammeMembers: async () => ({ members: [], counts: { mentees: 0, mentors: 0 } }),
  };
  render(api);
  await user.click(await screen.findByRole('button', { name: 'New programme' }));
  const form = screen.getByRole('form', { name: 'New programme' });
  await user.click(within(form).getByRole('radio', { name: 'Only people I invite' }));
  await user.click(within(form).getByRole('button', { name: 'Create programme' }));
  expect(within(form).getByText('Give the programme a name.')).toBeTruthy();
  expect(within(form).getByText('Invite at least one person, or let everyone join.')).toBeTruthy();
  expect(sent).toHaveLength(0);

  await user.type(within(form).getByRole('textbox', { name: /^Name/ }), 'Data skills 2027');
  await user.type(within(form).getByRole('textbox', { name: 'Find people by name' }), 'kac{Enter}');
  await user.click(await within(form).findByRole('button', { name: 'Invite Kacper Nowak' }));
  expect(within(within(form).getByRole('toolbar', { name: 'People invited' })).getByText('Kacper Nowak')).toBeTruthy();
  expect(within(form).getByRole('button', { name: 'Invited: Kacper Nowak' }).hasAttribute('disabled')).toBe(true);
  await user.click(within(form).getByRole('button', { name: 'Create programme' }));
  expect(await within(form).findByText('A programme runs at most three years; split a longer one into cohorts.')).toBeTruthy();
  expect((within(form).getByRole('textbox', { name: /^Name/ }) as HTMLInputElement).value).toBe('Data skills 2027');
  expect(sent[0]).toMatchObject({ name: 'Data skills 2027', joinPolicy: { kind: 'invited', personIds: ['k'] }, defaultAgreement: { cadence: { kind: 'biweekly' }, meetingMinutes: 45, meetingCount: 6 } });

  await user.click(within(form).getByRole('button', { name: 'Create programme' }));
  expect(await screen.findByText(/“Data skills 2027” was created/)).toBeTruthy();
  expect(await screen.findByText('Nobody has joined yet. People who join appear here with their role and time zone.')).toBeTruthy();
});

it('reviews suggested pairs with names, score and overlap in both zones; a refused swap names the people and changes nothing; publishing says what it made', async () => {
  const user = userEvent.setup();
  let published = 0;
  const api = {
    listProgrammes: async () => ({ asOwner: true, programmes: [programme] }),
    getProgramme: async () => programme,
    getProgrammeHealth: async () => ({ pairs: null, smallGroup: true, hidden: ['all'], hiddenReason: 'x', byStage: {}, meetings: null, checkInResponseRate: null, goalProgressAverage: null, daysToFirstMeeting: null, atRisk: { total: 0, pairs: [] }, updatedAt: null }),
    listProgrammeMembers: async () => ({ members: [], counts: { mentees: 2, mentors: 2 } }),
    getProgrammeMatches: async () => {
      throw new ApiError({ kind: 'notFound', status: 404, code: 'PROGRAMME.NO_MATCHES' });
    },
    suggestProgrammeMatches: async () => cohort,
    changeProgrammeMatches: async () => {
      throw new ApiError({ kind: 'rejected', status: 422, code: 'MATCHING.PINNED_PAIR_REFUSED', serverMessage: 'e1 cannot be pinned to m2' });
    },
    publishProgrammeMatches: async (_id: string, version: string) => {
      published += 1;
      expect(version).toBe('"c1"');
      return { round: 1, status: 'published', pairs: 2, created: 2, alreadyThere: 0, skipped: [], publishedAt: '2026-12-02T12:00:00.000Z' };
    },
  };
  render(api);
  await user.click(await screen.findByRole('tab', { name: 'Matching' }));
  expect(await screen.findByText('No matches suggested yet.')).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Suggest matches' }));
  const first = await screen.findByRole('listitem', { name: 'Margaret Hale and Kacper Nowak' });
  expect(within(first).getByText('Score 20')).toBeTruthy();
  expect(within(first).getByText('Reverse mentoring')).toBeTruthy();
  expect(within(first).getByText('Can meet 1 h 30 min a week')).toBeTruthy();
  expect(within(first).getByText(/^Margaret Hale \(.*London.*\): Tue 09:00–10:30$/)).toBeTruthy();
  expect(within(first).getByText(/^Kacper Nowak \(.*Kolkata.*\): Tue 13:30–15:00$/)).toBeTruthy();
  expect(within(screen.getByRole('listitem', { name: 'Oliver Bennett and Priya Raman' })).getByText('Can meet 3 h 30 min a week')).toBeTruthy();

  await user.click(within(first).getByRole('button', { name: 'Swap mentor: Margaret Hale and Kacper Nowak' }));
  await user.click(await screen.findByRole('menuitem', { name: 'With Priya Raman (Oliver Bennett’s mentor)' }));
  expect(await screen.findByText(/Those mentors cannot be swapped between Margaret Hale and Oliver Bennett/)).toBeTruthy();
  expect(screen.getByRole('listitem', { name: 'Margaret Hale and Kacper Nowak' })).toBeTruthy();

  await user.click(screen.getByRole('button', { name: 'Publish matches' }));
  expect(published).toBe(0);
  await user.click(await screen.findByRole('button', { name: 'Publish now' }));
  expect(await screen.findByText('2 relationships started, accepted on both sides.')).toBeTruthy();
  expect(published).toBe(1);
  await waitFor(() => expect(screen.queryByRole('button', { name: /^Swap mentor: / })).toBeNull());
});

it('speaks Polish to a Polish owner, counts included', async () => {
  const user = userEvent.setup();
  render(
    {
      listProgrammes: async () => ({ asOwner: true, programmes: [programme] }),
      getProgramme: async () => programme,
      getProgrammeHealth: async () => ({ pairs: null, smallGroup: true, hidden: ['all'], hiddenReason: 'x', byStage: {}, meetings: null, checkInResponseRate: null, goalProgressAverage: null, daysToFirstMeeting: null, atRisk: { total: 0, pairs: [] }, updatedAt: null }),
      listProgrammeMembers: async () => ({ members: [], counts: { mentees: 2, mentors: 2 } }),
      getProgrammeMatches: async () => cohort,
    },
    'pl',
  );
  await user.click(await screen.findByRole('tab', { name: 'Pary' }));
  expect(await screen.findByRole('button', { name: 'Zaproponuj pary ponownie' })).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Opublikuj pary' }));
  expect(await screen.findByText('Opublikować 2 pary? Każda otrzyma relację mentoringową przyjętą już przez obie strony i zobaczy ją w aplikacji Mentoring.')).toBeTruthy();
});

const noHealth = async () => ({ pairs: null, smallGroup: true, hidden: ['all'], hiddenReason: 'x', byStage: {}, meetings: null, checkInResponseRate: null, goalProgressAverage: null, daysToFirstMeeting: null, atRisk: { total: 0, pairs: [] }, updatedAt: null });

it('edits the settings on the version read; someone else’s newer edit is said plainly and the draft stays', async () => {
  const user = userEvent.setup();
  const updates: { changes: Record<string, unknown>; version: string }[] = [];
  render({
    listProgrammes: async () => ({ asOwner: true, programmes: [programme] }),
    getProgramme: async () => programme,
    getProgrammeHealth: noHealth,
    getProfile: async (id: string) => ({ userId: id, displayName: `Person ${id}` }),
    updateProgramme: async (_id: string, changes: Record<string, unknown>, version: string) => {
      updates.push({ changes, version });
      if (updates.length === 1) throw new ApiError({ kind: 'conflict', status: 412, code: 'STORAGE.CONFLICT', field: 'version' });
      return { ...programme, ...changes, version: '"2"' };
    },
  });
  await user.click(await screen.findByRole('tab', { name: 'Settings' }));
  const form = await screen.findByRole('form', { name: 'Programme settings' });
  const capacity = within(form).getByRole('spinbutton', { name: /^Mentees per mentor/ });
  await user.clear(capacity);
  await user.type(capacity, '3');
  await user.click(within(form).getByRole('button', { name: 'Save changes' }));
  expect(await within(form).findByText('Someone else changed this programme')).toBeTruthy();
  expect((capacity as HTMLInputElement).value).toBe('3');
  await user.click(within(form).getByRole('button', { name: 'Save changes' }));
  expect(await screen.findByText('Your changes were saved.')).toBeTruthy();
  expect(updates.map((u) => [u.version, u.changes.mentorCapacity])).toEqual([
    ['"1"', 3],
    ['"1"', 3],
  ]);
});

it('changes who is invited from the People part, on the version read, and says how many may join', async () => {
  const user = userEvent.setup();
  const saved: unknown[] = [];
  render({
    listProgrammes: async () => ({ asOwner: true, programmes: [programme] }),
    getProgramme: async () => programme,
    getProgrammeHealth: noHealth,
    getProfile: async (id: string) => ({ userId: id, displayName: { e1: 'Margaret Hale', e2: 'Oliver Bennett', m1: 'Kacper Nowak', m2: 'Priya Raman' }[id] }),
    listProgrammeMembers: async () => ({
      members: [{ personId: 'e1', displayName: 'Margaret Hale', role: 'mentee', timeZone: 'Europe/London', joinedAt: '2026-12-01T10:00:00.000Z' }],
      counts: { mentees: 1, mentors: 0 },
    }),
    updateProgramme: async (_id: string, changes: { joinPolicy: unknown }, version: string) => {
      saved.push([changes, version]);
      return { ...programme, ...changes, version: '"2"' };
    },
  });
  await user.click(await screen.findByRole('tab', { name: 'People' }));
  expect(await screen.findByRole('cell', { name: 'Margaret Hale' })).toBeTruthy();
  expect(screen.getByText('Mentees: 1 · Mentors: 0')).toBeTruthy();
  const save = screen.getByRole('button', { name: 'Save invitations' });
  expect(save.hasAttribute('disabled')).toBe(true);
  // Fluent's dismissible tag is one button: the name, then what it does.
  await user.click(await screen.findByRole('button', { name: 'Priya Raman Remove' }));
  await user.click(screen.getByRole('button', { name: 'Save invitations' }));
  expect(await screen.findByText('Saved: 3 people may join.')).toBeTruthy();
  expect(saved).toEqual([[{ joinPolicy: { kind: 'invited', personIds: ['e1', 'e2', 'm1'] } }, '"1"']]);
});
