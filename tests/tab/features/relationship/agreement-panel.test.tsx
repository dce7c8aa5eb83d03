/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RelationshipDetailDto } from '../../../../src/contracts';
import type { PairWorkingHoursDto } from '../../../../src/contracts/agreement';
import { ApiError } from '../../../../src/tab/api/api-error';
import type { MentoringApi } from '../../../../src/tab/api/mentoring-api';
import { SessionProvider } from '../../../../src/tab/app/session';
import { AgreementPanel } from '../../../../src/tab/features/relationship/agreement-panel';
import { renderWithProviders } from '../../support/render-with-providers';

// Kacper (mentor, Warsaw) opens a new relationship with Oliver (mentee, London): no agreement yet.
const pair = { myId: 'kacper', partnerId: 'oliver', partnerName: 'Oliver Bennett' };
const detail = {
  relationship: { id: 'rel-1', mentorId: 'kacper', menteeId: 'oliver', reverse: false, status: 'active', requestId: 'req-1', menteePreWork: { whatIWant: '', whatIBring: '', expectations: '' }, startedAt: '2026-12-01T10:00:00.000Z', reflections: {}, version: 'rel-v1' },
  myRole: 'mentor',
  partner: { userId: 'oliver', displayName: 'Oliver Bennett', jobTitle: 'Analyst', timeZone: 'Europe/London' },
  agreement: { versions: [], versionCount: 0 },
  goals: [],
  meetings: [],
  actionItems: [],
  actionItemCounts: { open: 0, done: 0 },
  checkIns: [],
} as unknown as RelationshipDetailDto;

const outlook = (personId: string, timeZone: string, windows: Extract<PairWorkingHoursDto['mentor'], { source: 'outlook' }>['windows']): PairWorkingHoursDto['mentor'] => ({
  personId,
  source: 'outlook',
  timeZone,
  outlookTimeZone: timeZone,
  windows,
});

function open(getWorkingHours: MentoringApi['getWorkingHours']) {
  const api = { getWorkingHours, previewAgreement: () => new Promise(() => undefined) } as unknown as MentoringApi;
  renderWithProviders(
    <SessionProvider value={{ api, signIn: { kind: 'local', label: 'Kacper Nowak' } }}>
      <AgreementPanel detail={detail} pair={pair} myZone="Europe/Warsaw" onChanged={() => undefined} />
    </SessionProvider>,
  );
}

describe('a first agreement', () => {
  beforeEach(() => window.sessionStorage.clear());

  it('starts from both people’s Outlook working hours, each on their own clock, and says so', async () => {
    const getWorkingHours = jest.fn(async () => ({
      mentor: outlook('kacper', 'Europe/Warsaw', [
        { weekday: 1, start: '08:00', end: '16:00' },
        { weekday: 3, start: '08:00', end: '16:00' },
      ]),
      mentee: outlook('oliver', 'Europe/London', [{ weekday: 3, start: '10:00', end: '18:30' }]),
    }));
    open(getWorkingHours);
    await userEvent.click(screen.getByRole('button', { name: 'Propose an agreement' }));
    expect(await screen.findByText('Meeting times and contact hours start from both people’s working hours in Outlook. Change them as you need.')).toBeTruthy();
    expect(getWorkingHours).toHaveBeenCalledWith('rel-1', expect.anything());
    expect(screen.getAllByRole('group', { name: /^When you can meet \(in Central European Time, Warsaw\) \d+$/ })).toHaveLength(2);
    expect(screen.getAllByRole('group', { name: /^When Oliver Bennett can meet \(in United Kingdom Time, London\) \d+$/ })).toHaveLength(1);
    // Contact hours read as one line, each person's on their own clock, until "Change" opens the list.
    expect(screen.getByText('Mon, Wed 08:00–16:00')).toBeTruthy();
    expect(screen.getByText('Wed 10:00–18:30')).toBeTruthy();
    expect(screen.queryAllByRole('group', { name: /^When Oliver Bennett may be contacted \(in United Kingdom Time, London\) \d+$/ })).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: 'Change When Oliver Bennett may be contacted (in United Kingdom Time, London)' }));
    expect(screen.getAllByRole('group', { name: /^When Oliver Bennett may be contacted \(in United Kingdom Time, London\) \d+$/ })).toHaveLength(1);
  });

  it('falls back to office hours for a person whose hours could not be read, naming them', async () => {
    open(async () => ({ mentor: outlook('kacper', 'Europe/Warsaw', [{ weekday: 2, start: '09:00', end: '17:00' }]), mentee: { personId: 'oliver', source: 'unavailable', code: 'GRAPH.FORBIDDEN', message: 'Access is denied.' } }));
    await userEvent.click(screen.getByRole('button', { name: 'Propose an agreement' }));
    expect(await screen.findByText(/We could not read Oliver Bennett’s working hours from Outlook, so their times start from office hours, Monday to Friday\./)).toBeTruthy();
    expect(screen.getAllByRole('group', { name: /^When you can meet \(in Central European Time, Warsaw\) \d+$/ })).toHaveLength(1);
    expect(screen.getAllByRole('group', { name: /^When Oliver Bennett can meet \(in United Kingdom Time, London\) \d+$/ })).toHaveLength(5);
  });

  it('falls back to office hours for both when the API cannot answer at all', async () => {
    open(async () => {
      throw new ApiError({ kind: 'server', status: 503, code: 'CALENDAR.NOT_CONFIGURED' });
    });
    await userEvent.click(screen.getByRole('button', { name: 'Propose an agreement' }));
    expect(await screen.findByText(/We could not read working hours from Outlook, so both your times and Oliver Bennett’s start from office hours/)).toBeTruthy();
    expect(screen.getAllByRole('group', { name: /^When you can meet \(in Central European Time, Warsaw\) \d+$/ })).toHaveLength(5);
  });
});
