/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CheckInDto, GoalDto, MeetingDto } from '../../../../src/contracts';
import { ApiError } from '../../../../src/tab/api/api-error';
import { CheckInForm } from '../../../../src/tab/features/relationship/check-in-form';
import { meetingsAwaitingMyCheckIn } from '../../../../src/tab/features/relationship/meeting-rules';
import { renderWithProviders } from '../../support/render-with-providers';

const pair = { myId: 'oliver', partnerId: 'kacper', partnerName: 'Kacper Nowak' };
const meeting = (id: string, number: number, start: string, status: MeetingDto['status'] = 'planned'): MeetingDto => ({
  id,
  number,
  start,
  end: start.replace('T09', 'T10'),
  status,
  bookingState: 'booked',
  organizerId: 'kacper',
  outsideBoundaries: false,
  declinedBy: [],
  version: 'v1',
});
const goal = (id: string, title: string, progress: number): GoalDto => ({
  id,
  title,
  smart: { specific: 's', measurable: 'm', achievable: 'a', relevant: 'r', timeBound: 't' },
  progress,
  createdBy: 'oliver',
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  version: 'g1',
  missing: [],
});
const goals = [goal('g-1', 'Build a Power BI report', 20), goal('g-2', 'Run a Teams webinar', 0)];
const first = meeting('m-1', 1, '2026-11-24T09:00:00.000Z', 'held');

function renderForm(send: jest.Mock, options: { mine?: CheckInDto; language?: 'en' | 'pl' } = {}) {
  const onSent = jest.fn();
  renderWithProviders(<CheckInForm meeting={first} goals={goals} pair={pair} mine={options.mine} send={send} onSent={onSent} onCancel={() => undefined} />, {
    language: options.language ?? 'en',
    timeZone: 'Europe/London',
  });
  return { onSent };
}

describe('CheckInForm', () => {
  beforeEach(() => window.sessionStorage.clear());

  it('keeps a half-typed check-in across a refresh and forgets it once sent', async () => {
    const user = userEvent.setup();
    const send = jest.fn().mockResolvedValue({});
    const firstVisit = renderWithProviders(<CheckInForm meeting={first} goals={goals} pair={pair} mine={undefined} send={send} onSent={() => undefined} onCancel={() => undefined} />);
    await user.type(screen.getByLabelText('What was useful'), 'Seeing the dashboard built live.');
    firstVisit.unmount();
    renderWithProviders(<CheckInForm meeting={first} goals={goals} pair={pair} mine={undefined} send={send} onSent={() => undefined} onCancel={() => undefined} />);
    expect((screen.getByLabelText('What was useful') as HTMLTextAreaElement).value).toBe('Seeing the dashboard built live.');
    expect(screen.getByText('Your unsent draft is back, as you left it.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Send check-in' }));
    await waitFor(() => expect(send).toHaveBeenCalled());
    await waitFor(() => expect(window.sessionStorage.getItem('mentoring.draft.checkin.m-1')).toBeNull());
  });

  it('asks the bot’s four questions for the meeting, with its time in my zone', () => {
    renderForm(jest.fn());
    expect(screen.getByRole('heading', { name: /^Check-in for meeting 1, Tue 24 Nov, 09:00 (GMT|UTC)$/ })).toBeTruthy();
    for (const label of ['What was useful', 'Next steps', 'Before next time', 'What to change or focus on']) expect(screen.getByLabelText(label)).toBeTruthy();
  });

  it('refuses an empty check-in in place and sends nothing', async () => {
    const user = userEvent.setup();
    const send = jest.fn();
    renderForm(send);
    await user.click(screen.getByRole('button', { name: 'Send check-in' }));
    expect(screen.getByText('Answer at least one question, so your check-in says something.')).toBeTruthy();
    expect(send).not.toHaveBeenCalled();
  });

  it('needs a title on every new action item', async () => {
    const user = userEvent.setup();
    const send = jest.fn();
    renderForm(send);
    await user.type(screen.getByLabelText('What was useful'), 'The DAX walkthrough');
    await user.click(screen.getByRole('button', { name: 'Add an action item' }));
    await user.click(screen.getByRole('button', { name: 'Send check-in' }));
    const item = screen.getByRole('group', { name: 'New action item 1' });
    expect(within(item).getByText('Say what needs doing in a few words.')).toBeTruthy();
    expect(send).not.toHaveBeenCalled();
  });

  it('shows a new action item title’s limit at its field and sends nothing while it is over', async () => {
    const user = userEvent.setup();
    const send = jest.fn();
    renderForm(send);
    await user.type(screen.getByLabelText('What was useful'), 'The DAX walkthrough');
    await user.click(screen.getByRole('button', { name: 'Add an action item' }));
    const item = screen.getByRole('group', { name: 'New action item 1' });
    await user.click(within(item).getByLabelText(/^What needs doing/));
    await user.paste('x'.repeat(201));
    expect(within(item).getByText('Too long: 201 characters, at most 200.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Send check-in' }));
    expect(send).not.toHaveBeenCalled();
  });

  it('sends trimmed answers, the new action items with their owner and only the goals I moved', async () => {
    const user = userEvent.setup();
    const send = jest.fn().mockResolvedValue({});
    const { onSent } = renderForm(send);
    await user.type(screen.getByLabelText('What was useful'), '  The DAX walkthrough  ');
    await user.type(screen.getByLabelText('Next steps'), 'Publish the report');
    await user.click(screen.getByRole('button', { name: 'Add an action item' }));
    const item = screen.getByRole('group', { name: 'New action item 1' });
    await user.type(within(item).getByLabelText(/What needs doing/), 'Share the report with the team');
    await user.selectOptions(within(item).getByLabelText('Owner'), 'kacper');
    await user.type(within(item).getByLabelText('Due date'), '2026-12-01');
    const slider = screen.getByRole('slider', { name: 'Build a Power BI report: 20%' });
    // jsdom has no range-input keyboard behaviour; the browser journey moves it with the keyboard.
    fireEvent.change(slider, { target: { value: '30' } });
    await user.click(screen.getByRole('button', { name: 'Send check-in' }));
    await waitFor(() => expect(onSent).toHaveBeenCalled());
    expect(send).toHaveBeenCalledWith(
      {
        answers: { useful: 'The DAX walkthrough', nextSteps: 'Publish the report', beforeNextTime: '', changeOrFocus: '' },
        goalProgress: [{ goalId: 'g-1', progress: 30 }],
        newActionItems: [{ title: 'Share the report with the team', ownerId: 'kacper', dueDate: '2026-12-01' }],
      },
      undefined,
    );
  });

  it('keeps everything typed when the API refuses, and says why in my language', async () => {
    const user = userEvent.setup();
    const send = jest.fn().mockRejectedValue(new ApiError({ kind: 'rejected', status: 422, code: 'CHECKIN.MEETING_NOT_STARTED', serverMessage: 'not started' }));
    const { onSent } = renderForm(send, { language: 'pl' });
    await user.type(screen.getByLabelText('Co było przydatne'), 'Przegląd DAX');
    await user.click(screen.getByRole('button', { name: 'Wyślij podsumowanie' }));
    expect(await screen.findByText('To spotkanie jeszcze się nie zaczęło; podsumuj je, gdy się odbędzie.')).toBeTruthy();
    expect((screen.getByLabelText('Co było przydatne') as HTMLTextAreaElement).value).toBe('Przegląd DAX');
    expect(onSent).not.toHaveBeenCalled();
  });

  it('edits my earlier check-in with the version I saw', async () => {
    const user = userEvent.setup();
    const send = jest.fn().mockResolvedValue({});
    const mine: CheckInDto = {
      id: 'c-1',
      meetingId: 'm-1',
      authorId: 'oliver',
      answers: { useful: 'DAX', nextSteps: '', beforeNextTime: '', changeOrFocus: '' },
      goalProgress: [{ goalId: 'g-2', progress: 10 }],
      actionItemIds: [],
      privateNote: 'Slow start',
      submittedAt: '2026-11-24T11:00:00.000Z',
      updatedAt: '2026-11-24T11:00:00.000Z',
      version: 'c-v1',
    };
    renderForm(send, { mine });
    expect((screen.getByLabelText('My private note (only you see this)') as HTMLTextAreaElement).value).toBe('Slow start');
    expect(screen.getByRole('slider', { name: 'Run a Teams webinar: 10%' })).toBeTruthy();
    await user.type(screen.getByLabelText('Before next time'), 'Read the DAX guide');
    await user.click(screen.getByRole('button', { name: 'Save my check-in' }));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(send.mock.calls[0][0]).toMatchObject({ answers: { useful: 'DAX', beforeNextTime: 'Read the DAX guide' }, goalProgress: [], privateNote: 'Slow start' });
    expect(send.mock.calls[0][1]).toBe('c-v1');
  });
});

describe('meetings waiting for my check-in', () => {
  it('are the started, not cancelled meetings I have not answered, oldest first', () => {
    const meetings = [
      meeting('m-3', 3, '2026-12-08T09:00:00.000Z'),
      meeting('m-2', 2, '2026-11-26T09:00:00.000Z'),
      first,
      meeting('m-x', 4, '2026-11-25T09:00:00.000Z', 'cancelled'),
    ];
    const answered = [{ meetingId: 'm-1', authorId: 'oliver' }, { meetingId: 'm-2', authorId: 'kacper' }] as CheckInDto[];
    const now = Date.parse('2026-12-01T00:00:00Z');
    expect(meetingsAwaitingMyCheckIn(meetings, answered, 'oliver', now).map((m) => m.id)).toEqual(['m-2']);
    expect(meetingsAwaitingMyCheckIn(meetings, answered, 'kacper', now).map((m) => m.id)).toEqual(['m-1']);
  });
});
