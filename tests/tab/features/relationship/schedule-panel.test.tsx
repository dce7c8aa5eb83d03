/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import type { MeetingDto, RelationshipDetailDto } from '../../../../src/contracts';
import type { BookingOutcomeDto, SlotProposalDto } from '../../../../src/contracts/booking';
import { ApiError } from '../../../../src/tab/api/api-error';
import type { MentoringApi } from '../../../../src/tab/api/mentoring-api';
import { SessionProvider } from '../../../../src/tab/app/session';
import { noSlotText, SchedulePanel } from '../../../../src/tab/features/relationship/schedule-panel';
import { createTranslator } from '../../../../src/tab/i18n/i18n';
import { renderWithProviders } from '../../support/render-with-providers';

// Oliver (mentee, London) meets Kacper (mentor, Warsaw); dates far ahead so they stay upcoming.
const pair = { myId: 'oliver', partnerId: 'kacper', partnerName: 'Kacper Nowak' };
const side = (personId: string, timeZone: string) => ({
  personId,
  timeZone,
  meetingWindows: [{ weekday: 2 as const, start: '09:00', end: '12:00' }],
  contactChannel: 'teamsChat' as const,
  contactHours: [{ weekday: 1 as const, start: '09:00', end: '17:00' }],
});
const booked = (id: string, number: number, start: string, extra: Partial<MeetingDto> = {}): MeetingDto => ({
  id,
  number,
  start,
  end: new Date(Date.parse(start) + 45 * 60_000).toISOString(),
  status: 'planned',
  bookingState: 'booked',
  organizerId: 'kacper',
  outsideBoundaries: false,
  declinedBy: [],
  version: `${id}-v1`,
  ...extra,
});

function detailWith(meetings: MeetingDto[]): RelationshipDetailDto {
  return {
    relationship: {
      id: 'rel-1',
      mentorId: 'kacper',
      menteeId: 'oliver',
      reverse: true,
      status: 'active',
      requestId: 'req-1',
      menteePreWork: { whatIWant: 'Copilot with my team', whatIBring: '', expectations: '' },
      startedAt: '2029-12-01T10:00:00.000Z',
      reflections: {},
      activeAgreementVersion: 1,
      version: 'rel-v1',
    },
    myRole: 'mentee',
    partner: { userId: 'kacper', displayName: 'Kacper Nowak', jobTitle: 'Analyst' },
    agreement: {
      versions: [
        {
          id: 'a1',
          number: 1,
          agreement: {
            cadence: { kind: 'weekly' },
            meetingMinutes: 45,
            bufferMinutes: 10,
            minimumNoticeHours: 24,
            respectWorkingHours: true,
            firstDate: '2030-01-01',
            meetingCount: 3,
            location: { kind: 'online' },
            mentor: side('kacper', 'Europe/Warsaw'),
            mentee: side('oliver', 'Europe/London'),
          },
          proposedBy: 'oliver',
          proposedAt: '2029-12-01T10:00:00.000Z',
          note: '',
          acceptedBy: ['oliver', 'kacper'],
          version: 'a1-v1',
        },
      ],
      versionCount: 1,
      activeNumber: 1,
      latestNumber: 1,
    },
    goals: [
      {
        id: 'g1',
        title: 'Build a Power BI report',
        smart: { specific: 's', measurable: 'm', achievable: 'a', relevant: 'r', timeBound: 't' },
        progress: 40,
        createdBy: 'oliver',
        createdAt: '2029-12-01T10:00:00.000Z',
        updatedAt: '2029-12-01T10:00:00.000Z',
        version: 'g1-v1',
        missing: [],
      },
    ],
    roadmap: {
      themes: [
        { id: 't1', title: 'Copilot in Outlook', notes: '', meetingNumbers: [1] },
        { id: 't2', title: 'Power BI basics', notes: '', meetingNumbers: [2] },
      ],
      version: 'r1',
    },
    meetings,
    actionItems: [
      {
        id: 'ai1',
        title: 'Install Power BI Desktop',
        ownerId: 'oliver',
        dueDate: '2030-01-07',
        status: 'open',
        origin: { kind: 'checkIn', checkInId: 'c1' },
        createdBy: 'oliver',
        createdAt: '2029-12-01T10:00:00.000Z',
        updatedAt: '2029-12-01T10:00:00.000Z',
        version: 'ai1-v1',
      },
    ],
    actionItemCounts: { open: 1, done: 0 },
    checkIns: [],
  };
}

const proposal: SlotProposalDto = {
  slots: [
    { start: '2030-01-08T08:00:00.000Z', end: '2030-01-08T08:45:00.000Z' },
    { start: '2030-01-08T09:00:00.000Z', end: '2030-01-08T09:45:00.000Z' },
  ],
  targetDate: '2030-01-08',
  searched: { start: '2030-01-07T00:00:00.000Z', end: '2030-01-14T00:00:00.000Z' },
  mentorTimeZone: 'Europe/Warsaw',
  menteeTimeZone: 'Europe/London',
};

function fakeApi(overrides: Partial<Record<keyof MentoringApi, unknown>> = {}) {
  return {
    proposeSlots: jest.fn().mockResolvedValue(proposal),
    readUnbookedMeetings: jest.fn().mockResolvedValue({ deferred: [], unplaced: [] }),
    ...overrides,
  } as unknown as MentoringApi & Record<string, jest.Mock>;
}

function renderPanel(api: MentoringApi, detail: RelationshipDetailDto, language: 'en' | 'pl' = 'en') {
  const onChanged = jest.fn();
  const openSection = jest.fn();
  renderWithProviders(
    <SessionProvider value={{ api, signIn: { kind: 'local', label: 'Oliver Bennett' } }}>
      <SchedulePanel detail={detail} pair={pair} myZone="Europe/London" partnerZone="Europe/Warsaw" onChanged={onChanged} openSection={openSection} />
    </SessionProvider>,
    // The device says Kolkata; the tab shows my profile's zone (London) all the same.
    { language, timeZone: 'Asia/Kolkata' },
  );
  return { onChanged, openSection };
}

/** A host that, like the relationship screen, passes a fresh read of the relationship after every change. */
function RereadingHost({ first, reread }: { first: RelationshipDetailDto; reread: RelationshipDetailDto }) {
  const [detail, setDetail] = useState(first);
  return <SchedulePanel detail={detail} pair={pair} myZone="Europe/London" partnerZone="Europe/Warsaw" onChanged={() => setDetail(reread)} openSection={() => undefined} />;
}

describe('Schedule: proposed slots', () => {
  it('lists distinct times grouped by day on my clock, with the partner’s local time beside each', async () => {
    const overlapping = { ...proposal, slots: [...proposal.slots, { start: '2030-01-08T08:15:00.000Z', end: '2030-01-08T09:00:00.000Z' }, { start: '2030-01-09T10:00:00.000Z', end: '2030-01-09T10:45:00.000Z' }] };
    renderPanel(fakeApi({ proposeSlots: jest.fn().mockResolvedValue(overlapping) }), detailWith([]));
    const day = await screen.findByRole('list', { name: 'Tue, 8 Jan 2030' }, { timeout: 5000 });
    // Each time's words (beside it, its own "Book this time" button).
    const items = within(day).getAllByRole('listitem').map((li) => li.querySelector('span')?.textContent);
    // 08:15 overlaps the 08:00 slot, so it is not a choice of its own.
    expect(items).toEqual(['08:00 – 08:45 GMT · Tue 8 Jan, 09:00 CET for Kacper Nowak', '09:00 – 09:45 GMT · Tue 8 Jan, 10:00 CET for Kacper Nowak']);
    expect(within(screen.getByRole('list', { name: 'Wed, 9 Jan 2030' })).getAllByRole('listitem')).toHaveLength(1);
    expect(screen.getByText('No meetings planned yet. Book the next meeting or the whole series above.')).toBeTruthy();
  });

  it('explains why no slot exists in one plain sentence with one action, and turns booking off with the reason', async () => {
    const api = fakeApi({
      proposeSlots: jest.fn().mockRejectedValue(
        new ApiError({ kind: 'rejected', status: 422, code: 'SCHEDULING.WINDOWS_NEVER_OVERLAP', serverMessage: 'They share at most 30 minutes.' }),
      ),
    });
    const { openSection } = renderPanel(api, detailWith([]));
    expect(await screen.findByText(/never overlap for a whole meeting\. On the Agreement tab, widen a window/)).toBeTruthy();
    expect(screen.queryByText('They share at most 30 minutes.')).toBeNull();
    const bookNext = screen.getByRole('button', { name: 'Book the next meeting' }) as HTMLButtonElement;
    expect(bookNext.disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Book the whole series' }) as HTMLButtonElement).disabled).toBe(true);
    expect(bookNext.getAttribute('aria-describedby')).toBe('book-blocked');
    expect(screen.getByText('Booking is off until a time fits (see above).')).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Open the agreement' }));
    expect(openSection).toHaveBeenCalledWith('agreement');
  });

  it('says there is nothing left to book once the agreed series is planned, without booking buttons', async () => {
    const api = fakeApi({
      proposeSlots: jest.fn().mockRejectedValue(new ApiError({ kind: 'rejected', status: 422, code: 'SCHEDULING.MEETING_COUNT_REACHED', serverMessage: 'All 3 agreed meetings are held or planned.' })),
    });
    renderPanel(api, detailWith([booked('m1', 1, '2030-01-08T08:00:00.000Z')]));
    expect(await screen.findByText(/All agreed meetings are planned\. To meet more often, propose a larger number of meetings/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Book the next meeting' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Reschedule meeting 1' })).toBeTruthy();
  });

  it('has words for every SCHEDULING reason in both languages', () => {
    const codes = ['WINDOWS_NEVER_OVERLAP', 'NOTICE_RULES_OUT_PERIOD', 'OUTSIDE_WORKING_HOURS', 'HORIZON_FULLY_BUSY', 'BEFORE_FIRST_DATE', 'END_DATE_REACHED', 'MEETING_COUNT_REACHED'];
    for (const language of ['en', 'pl'] as const) {
      const texts = codes.map((c) => noSlotText(`SCHEDULING.${c}`, createTranslator(language)));
      expect(texts.every((x) => typeof x === 'string' && x.length > 40)).toBe(true);
      expect(new Set(texts).size).toBe(codes.length);
    }
  });
});

describe('Schedule: booking', () => {
  it('books the whole series with progress shown, then reports what was booked and where no time fits', async () => {
    const user = userEvent.setup();
    let finish: (o: BookingOutcomeDto) => void = () => undefined;
    const outcome: BookingOutcomeDto = {
      requested: 4,
      meetings: [booked('m1', 1, '2030-01-08T08:00:00.000Z'), booked('m2', 2, '2030-01-15T08:00:00.000Z', { bookingState: 'pending' })],
      plannedNow: ['m1', 'm2'],
      stillPending: [{ meetingId: 'm2', code: 'GRAPH.THROTTLED' }],
      failed: [],
      unplaced: [{ targetDate: '2030-01-22', code: 'SCHEDULING.HORIZON_FULLY_BUSY', message: 'busy' }],
      deferred: [{ targetDate: '2031-01-29', code: 'BOOKING.DEFERRED_BEYOND_HORIZON', message: 'later' }],
    };
    const api = fakeApi({ bookMeetings: jest.fn().mockReturnValue(new Promise((resolve) => (finish = resolve))) });
    const { onChanged } = renderPanel(api, detailWith([]));
    await user.click(await screen.findByRole('button', { name: 'Book the whole series' }));
    expect(api.bookMeetings).toHaveBeenCalledWith('rel-1', 'series');
    expect(screen.getByRole('progressbar', { name: /Booking the series/ })).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Book the next meeting' }) as HTMLButtonElement).disabled).toBe(true);
    finish(outcome);
    expect(await screen.findByText(/Booked 2 meetings; the invites are in both calendars\. 1 meeting is still being sent to Outlook/)).toBeTruthy();
    expect(screen.getByText(/No time around Tue, 22 Jan 2030: Your calendars are full in every shared window/)).toBeTruthy();
    expect(screen.getByText(/Around Wed, 29 Jan 2031: booked automatically once it is within the planning horizon/)).toBeTruthy();
    expect(screen.getByText('Being booked')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(onChanged).toHaveBeenCalled();
  });

  it('books the next meeting at the time I choose, not only where booking picks', async () => {
    const user = userEvent.setup();
    const outcome: BookingOutcomeDto = { requested: 1, meetings: [booked('m1', 1, '2030-01-08T09:00:00.000Z')], plannedNow: ['m1'], stillPending: [], failed: [], unplaced: [], deferred: [] };
    const api = fakeApi({ bookMeetings: jest.fn().mockResolvedValue(outcome) });
    const { onChanged } = renderPanel(api, detailWith([]));
    expect(await screen.findByText(/Book the one that suits you both, or let booking pick the best one/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Book this time: Tue 8 Jan, 09:00 GMT' }));
    expect(api.bookMeetings).toHaveBeenCalledWith('rel-1', 'next', '2030-01-08T09:00:00.000Z');
    expect(await screen.findByText(/Booked 1 meeting; the invite is in both calendars\./)).toBeTruthy();
    expect(onChanged).toHaveBeenCalled();
  });

  it('says in words when the chosen time was taken meanwhile, and reads the times again', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      bookMeetings: jest.fn().mockRejectedValue(new ApiError({ kind: 'rejected', status: 409, code: 'BOOKING.SLOT_BUSY', serverMessage: 'The agreement keeps 10 minutes free around other meetings.' })),
    });
    renderPanel(api, detailWith([]), 'pl');
    await user.click(await screen.findByRole('button', { name: /^Zarezerwuj ten termin: wt\., 8 sty, 08:00/ }));
    expect(await screen.findByText('Ktoś z Was jest wtedy zajęty (z przerwami). Wybierz jeden z proponowanych terminów.')).toBeTruthy();
    expect(api.proposeSlots).toHaveBeenCalledTimes(2);
  });

  it('offers no time to choose once the next meeting is planned (moving it is the way to change it)', async () => {
    renderPanel(fakeApi(), detailWith([booked('m1', 1, '2030-01-08T08:00:00.000Z')]));
    await screen.findByRole('list', { name: 'Tue, 8 Jan 2030' }, { timeout: 5000 });
    expect(screen.queryByRole('button', { name: /^Book this time: / })).toBeNull();
    expect(screen.getByText(/Booking picks the best one and keeps a steady weekday and time\./)).toBeTruthy();
  });

  it('shows the upcoming meetings with the agenda their invites carry', async () => {
    const user = userEvent.setup();
    renderPanel(fakeApi(), detailWith([booked('m2', 2, '2030-01-15T08:00:00.000Z'), booked('m1', 1, '2030-01-08T08:00:00.000Z')]));
    const headings = (await screen.findAllByRole('heading', { level: 4 })).map((h) => h.textContent);
    expect(headings[0]).toMatch(/^Meeting 1 · Tue 8 Jan, 08:00 – 08:45 GMT · Tue 8 Jan, 09:00 CET for Kacper Nowak$/);
    expect(headings[1]).toMatch(/^Meeting 2 · /);
    await user.click(screen.getByText('Agenda of meeting 2'));
    const agenda = screen.getByText('Agenda of meeting 2').closest('details')!;
    expect(within(agenda).getByText('Power BI basics')).toBeTruthy();
    expect(within(agenda).queryByText('Copilot in Outlook')).toBeNull();
    expect(within(agenda).getByText('Build a Power BI report (40%)')).toBeTruthy();
    expect(within(agenda).getByText('Install Power BI Desktop — You, due Mon, 7 Jan 2030')).toBeTruthy();
  });
});

describe('Schedule: reschedule and cancel', () => {
  const upcoming = [booked('m1', 1, '2030-01-08T08:00:00.000Z')];

  it('moves a meeting to a time I type on my clock, and keeps it when the API refuses', async () => {
    const user = userEvent.setup();
    const rescheduleMeeting = jest
      .fn()
      .mockRejectedValueOnce(new ApiError({ kind: 'rejected', status: 422, code: 'BOOKING.OUTSIDE_BOUNDARIES', serverMessage: 'outside' }))
      .mockResolvedValueOnce(booked('m1', 1, '2030-01-08T10:30:00.000Z', { version: 'm1-v2' }));
    const api = fakeApi({ rescheduleMeeting });
    renderPanel(api, detailWith(upcoming));
    await user.click(await screen.findByRole('button', { name: 'Reschedule meeting 1' }));
    const form = screen.getByRole('form', { name: 'Move meeting 1' });
    await user.click(within(form).getByRole('radio', { name: 'Another time (in United Kingdom Time, London)' }));
    await user.type(within(form).getByLabelText('Date'), '2030-01-08');
    await user.selectOptions(within(form).getByLabelText('Start time'), '10:30');
    await user.click(within(form).getByRole('button', { name: 'Move the meeting' }));
    expect(await within(form).findByText('That time is outside the windows you both agreed. Pick one of the proposed times.')).toBeTruthy();
    expect((within(form).getByLabelText('Start time') as HTMLInputElement).value).toBe('10:30');
    expect(rescheduleMeeting).toHaveBeenLastCalledWith('rel-1', expect.objectContaining({ id: 'm1', version: 'm1-v1' }), '2030-01-08T10:30:00.000Z');
    await user.click(within(form).getByRole('button', { name: 'Move the meeting' }));
    expect(await screen.findByText('Meeting 1 is moved; both calendars have the new time.')).toBeTruthy();
  });

  it('moves a meeting to a proposed slot', async () => {
    const user = userEvent.setup();
    const rescheduleMeeting = jest.fn().mockResolvedValue(booked('m1', 1, '2030-01-08T09:00:00.000Z'));
    renderPanel(fakeApi({ rescheduleMeeting }), detailWith(upcoming));
    await screen.findByRole('list', { name: 'Tue, 8 Jan 2030' });
    await user.click(screen.getByRole('button', { name: 'Reschedule meeting 1' }));
    await user.click(screen.getByRole('radio', { name: /^Tue 8 Jan, 09:00 – 09:45/ }));
    await user.click(screen.getByRole('button', { name: 'Move the meeting' }));
    await waitFor(() => expect(rescheduleMeeting).toHaveBeenCalledWith('rel-1', expect.objectContaining({ id: 'm1' }), '2030-01-08T09:00:00.000Z'));
  });

  it('a cancel refused because the meeting changed meanwhile (412) says so and reads the relationship again, as the message promises', async () => {
    const user = userEvent.setup();
    const cancelMeeting = jest.fn().mockRejectedValue(new ApiError({ kind: 'conflict', status: 412, code: 'STORAGE.CONFLICT', field: 'version' }));
    const { onChanged } = renderPanel(fakeApi({ cancelMeeting }), detailWith(upcoming));
    await user.click(await screen.findByRole('button', { name: 'Cancel meeting 1' }));
    const form = screen.getByRole('form', { name: 'Cancel meeting 1' });
    await user.type(within(form).getByLabelText(/Comment for/), 'Travel');
    await user.click(within(form).getByRole('button', { name: 'Cancel the meeting' }));
    expect(await within(form).findByText('Someone changed this while you were editing. We have reloaded the latest version; make your change again.')).toBeTruthy();
    expect(cancelMeeting).toHaveBeenCalledWith('rel-1', expect.objectContaining({ id: 'm1', version: 'm1-v1' }), 'Travel');
    expect(onChanged).toHaveBeenCalled();
  });

  it('after the relationship is read again, changes send the version read, not the one this screen last wrote', async () => {
    const user = userEvent.setup();
    const moved = booked('m1', 1, '2030-01-08T09:00:00.000Z', { version: 'm1-v2' });
    const rescheduleMeeting = jest.fn().mockResolvedValue(moved);
    const cancelMeeting = jest.fn().mockResolvedValue({ ...moved, status: 'cancelled', version: 'm1-v4' });
    const api = fakeApi({ rescheduleMeeting, cancelMeeting });
    // The host reads the relationship again after each change; meanwhile the invite was rewritten (v3).
    renderWithProviders(
      <SessionProvider value={{ api, signIn: { kind: 'local', label: 'Oliver Bennett' } }}>
        <RereadingHost first={detailWith(upcoming)} reread={detailWith([{ ...moved, version: 'm1-v3' }])} />
      </SessionProvider>,
    );
    await screen.findByRole('list', { name: 'Tue, 8 Jan 2030' });
    await user.click(screen.getByRole('button', { name: 'Reschedule meeting 1' }));
    await user.click(screen.getByRole('radio', { name: /^Tue 8 Jan, 09:00 – 09:45/ }));
    await user.click(screen.getByRole('button', { name: 'Move the meeting' }));
    await screen.findByText('Meeting 1 is moved; both calendars have the new time.');
    await user.click(screen.getByRole('button', { name: 'Cancel meeting 1' }));
    const form = screen.getByRole('form', { name: 'Cancel meeting 1' });
    await user.type(within(form).getByLabelText(/Comment for/), 'Travel');
    await user.click(within(form).getByRole('button', { name: 'Cancel the meeting' }));
    await waitFor(() => expect(cancelMeeting).toHaveBeenCalledWith('rel-1', expect.objectContaining({ id: 'm1', version: 'm1-v3' }), 'Travel'));
  });

  it('cancels only with a comment for the partner (in Polish too)', async () => {
    const user = userEvent.setup();
    const cancelMeeting = jest.fn().mockResolvedValue(booked('m1', 1, '2030-01-08T08:00:00.000Z', { status: 'cancelled' }));
    renderPanel(fakeApi({ cancelMeeting }), detailWith(upcoming), 'pl');
    await user.click(await screen.findByRole('button', { name: 'Odwołaj spotkanie 1' }));
    const form = screen.getByRole('form', { name: 'Odwołaj spotkanie 1' });
    await user.click(within(form).getByRole('button', { name: 'Odwołaj spotkanie' }));
    expect(within(form).getByText('Dodaj krótki komentarz, aby partner wiedział, dlaczego spotkanie jest odwołane.')).toBeTruthy();
    expect(cancelMeeting).not.toHaveBeenCalled();
    await user.type(within(form).getByLabelText(/Komentarz dla: Kacper Nowak/), 'Pilny wyjazd');
    await user.click(within(form).getByRole('button', { name: 'Odwołaj spotkanie' }));
    await waitFor(() => expect(cancelMeeting).toHaveBeenCalledWith('rel-1', expect.objectContaining({ id: 'm1', version: expect.any(String) }), 'Pilny wyjazd'));
    expect(await screen.findByText('Spotkanie 1 odwołano; partner został powiadomiony.')).toBeTruthy();
  });
});

describe('Schedule: past meetings', () => {
  it('lists meetings that have ended with whose check-in is in, and opens their check-ins', async () => {
    const user = userEvent.setup();
    // The tests' clock says 2 December 2026: meeting 1 has ended, meeting 2 is still ahead.
    const detail = detailWith([booked('m1', 1, '2026-11-24T09:00:00.000Z', { status: 'held' }), booked('m2', 2, '2030-01-15T08:00:00.000Z')]);
    detail.checkIns = [{ id: 'c1', meetingId: 'm1', authorId: 'kacper' } as unknown as (typeof detail.checkIns)[number]];
    const { openSection } = renderPanel(fakeApi(), detail);
    const past = await screen.findByRole('region', { name: 'Past meetings' });
    expect(within(past).getByRole('heading', { level: 4 }).textContent).toBe('Meeting 1 · Tue 24 Nov, 09:00 – 09:45 GMT');
    expect(within(past).getByText('Your check-in is missing')).toBeTruthy();
    expect(within(past).getByText('Kacper Nowak’s check-in is in')).toBeTruthy();
    await user.click(within(past).getByRole('button', { name: 'Check-ins of meeting 1' }));
    expect(openSection).toHaveBeenCalledWith('checkins', 'm1');
    expect(within(screen.getByRole('region', { name: 'Upcoming meetings' })).queryByText(/^Meeting 1/)).toBeNull();
  });
});

describe('Schedule: meetings the series has not booked, as states in the upcoming list', () => {
  const unbooked = {
    deferred: [{ targetDate: '2031-02-04', code: 'BOOKING.DEFERRED_BEYOND_HORIZON' as const, message: 'later' }],
    unplaced: [
      { targetDate: '2030-01-22', code: 'SCHEDULING.HORIZON_FULLY_BUSY', message: 'busy' },
      { targetDate: '2030-03-05', code: 'SCHEDULING.END_DATE_REACHED', message: 'after the end date' },
    ],
  };

  it('lists them after the booked meetings, by date, each saying why and what the person can do', async () => {
    const user = userEvent.setup();
    const api = fakeApi({ readUnbookedMeetings: jest.fn().mockResolvedValue(unbooked) });
    const { openSection } = renderPanel(api, detailWith([booked('m1', 1, '2030-01-08T08:00:00.000Z')]));
    const upcoming = screen.getByRole('heading', { name: 'Upcoming meetings' }).closest('section')!;
    await within(upcoming).findByText('Meeting around Tue, 22 Jan 2030');
    expect(api.readUnbookedMeetings).toHaveBeenCalledWith('rel-1', expect.anything());
    const headings = within(upcoming).getAllByRole('heading', { level: 4 }).map((h) => h.textContent);
    expect(headings).toEqual([
      expect.stringMatching(/^Meeting 1 · Tue 8 Jan/),
      'Meeting around Tue, 22 Jan 2030',
      'Meeting around Tue, 5 Mar 2030',
      'Meeting around Tue, 4 Feb 2031',
    ]);
    const card = (date: string) => within(upcoming).getByText(`Meeting around ${date}`).closest('li')!;
    expect(within(card('Tue, 22 Jan 2030')).getByText('Not booked: no time found')).toBeTruthy();
    expect(within(card('Tue, 22 Jan 2030')).getByText(/^Your calendars are full in every shared window/)).toBeTruthy();
    expect(within(card('Tue, 22 Jan 2030')).getByText('Once that is changed, book the whole series again: only the missing meetings are added.')).toBeTruthy();
    expect(within(card('Tue, 5 Mar 2030')).getByText('It would fall after the agreement’s end date. Propose a later end date or fewer meetings on the Agreement tab.')).toBeTruthy();
    expect(within(card('Tue, 4 Feb 2031')).getByText('Booked later, automatically')).toBeTruthy();
    expect(within(card('Tue, 4 Feb 2031')).getByText(/books it automatically once it comes within the planning horizon.*Nothing to do\.$/)).toBeTruthy();
    expect(within(card('Tue, 4 Feb 2031')).queryByRole('button')).toBeNull();
    await user.click(within(card('Tue, 5 Mar 2030')).getByRole('button', { name: 'Open the agreement' }));
    expect(openSection).toHaveBeenCalledWith('agreement');
    expect(screen.queryByText('No meetings planned yet. Book the next meeting or the whole series above.')).toBeNull();
  });

  it('in Polish', async () => {
    renderPanel(fakeApi({ readUnbookedMeetings: jest.fn().mockResolvedValue(unbooked) }), detailWith([]), 'pl');
    const deferred = (await screen.findByText('Zarezerwuje się później, samo')).closest('li')!;
    expect(within(deferred).getByText(/^Spotkanie około /)).toBeTruthy();
    expect(within(deferred).getByText(/Aplikacja zarezerwuje je sama.*Nic nie musisz robić\.$/)).toBeTruthy();
    expect(screen.getAllByText('Niezarezerwowane: brak wolnego terminu')).toHaveLength(2);
    expect(screen.getByText('Wypadłoby po dacie zakończenia umowy. Zaproponuj późniejszą datę zakończenia albo mniej spotkań na karcie Umowa.')).toBeTruthy();
    expect(screen.getAllByText('Gdy to zmienicie, zarezerwuj ponownie cały cykl: zostaną dodane tylko brakujące spotkania.')).toHaveLength(2);
  });

  it('reads them again after a booking, so the list shows what that booking left', async () => {
    const user = userEvent.setup();
    const outcome: BookingOutcomeDto = { requested: 1, meetings: [booked('m1', 1, '2030-01-08T08:00:00.000Z')], plannedNow: ['m1'], stillPending: [], failed: [], unplaced: [], deferred: [] };
    const read = jest.fn().mockResolvedValueOnce(unbooked).mockResolvedValue({ deferred: [], unplaced: [] });
    renderPanel(fakeApi({ readUnbookedMeetings: read, bookMeetings: jest.fn().mockResolvedValue(outcome) }), detailWith([]));
    await screen.findByText('Meeting around Tue, 4 Feb 2031');
    await user.click(screen.getByRole('button', { name: 'Book the whole series' }));
    await waitFor(() => expect(screen.queryByText('Meeting around Tue, 4 Feb 2031')).toBeNull());
    expect(read).toHaveBeenCalledTimes(2);
  });
});
