/** @jest-environment jsdom */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MentoringApi } from '../../../src/tab/api/mentoring-api';
import { ApiError } from '../../../src/tab/api/api-error';
import { SessionProvider } from '../../../src/tab/app/session';
import AnnouncementPanel from '../../../src/tab/features/programme/announcement-panel';
import { NudgeButton } from '../../../src/tab/features/programme/nudge-button';
import { renderWithProviders } from '../support/render-with-providers';

const reasons = { NOT_INSTALLED: 0, NO_PROFILE: 0, APP_REMOVED: 0, EXPIRED: 0, FAILED: 0, NO_CONTACT_HOURS: 0 };
const announced = (progress: Record<string, unknown>, done: boolean) => ({
  id: 'k',
  text: 'Kick-off on Friday',
  createdAt: '2027-02-01T10:00:00.000Z',
  recipients: 4,
  progress: { planned: 4, queued: 0, sent: 0, waiting: 0, notReachable: 0, notReachableByReason: reasons, ...progress },
  done,
});

function render(api: Partial<MentoringApi>, ui: React.ReactElement, language: 'en' | 'pl' = 'en') {
  return renderWithProviders(
    <SessionProvider value={{ api: api as MentoringApi, signIn: { kind: 'local', label: 'Priya Owner' } }}>{ui}</SessionProvider>,
    { language },
  );
}

it('sends once, then shows the counts going out until everyone reachable has it', async () => {
  const sent: [string, string, string][] = [];
  const reads = [
    announced({ queued: 1, sent: 2, waiting: 1 }, false),
    announced({ sent: 3, notReachable: 1, notReachableByReason: { ...reasons, NOT_INSTALLED: 1 } }, true),
  ];
  const api = {
    sendAnnouncement: async (programmeId: string, key: string, text: string) => {
      sent.push([programmeId, key, text]);
      return announced({ queued: 4 }, false);
    },
    getAnnouncement: async () => reads.shift() ?? reads[0]!,
  };
  render(api, <AnnouncementPanel programmeId="p1" pollMs={5} />);
  const user = userEvent.setup();
  await user.type(screen.getByRole('textbox', { name: 'Announcement' }), 'Kick-off on Friday');
  expect(screen.getByText('18 of 1000 characters')).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Send to all members' }));
  expect(await screen.findByText('Done: nothing is left to send. The counts above say who it reached and who it could not.')).toBeTruthy();
  expect(sent).toHaveLength(1);
  expect(sent[0]!.slice(0, 1).concat(sent[0]![2])).toEqual(['p1', 'Kick-off on Friday']);
  expect(screen.getByText('Delivered: 3')).toBeTruthy();
  expect(screen.getByText('Not reachable: 1 (app not installed: 1)')).toBeTruthy();
  expect(screen.getByText('4 of 4 handled')).toBeTruthy();
  expect(screen.getByRole('progressbar')).toBeTruthy();
});

it('a retry after a failure sends the same key; changed text gets a new one', async () => {
  const keys: string[] = [];
  let fail = true;
  const api = {
    sendAnnouncement: async (_p: string, key: string) => {
      keys.push(key);
      if (fail) throw new ApiError({ kind: 'server', status: 503, code: 'PROGRAMME.MESSAGES_UNAVAILABLE' });
      return announced({ sent: 4 }, true);
    },
    getAnnouncement: async () => announced({ sent: 4 }, true),
  };
  render(api, <AnnouncementPanel programmeId="p1" pollMs={5} />);
  const user = userEvent.setup();
  const box = screen.getByRole('textbox', { name: 'Announcement' });
  await user.type(box, 'Hello');
  await user.click(screen.getByRole('button', { name: 'Send to all members' }));
  expect(await screen.findByRole('button', { name: 'Try again' })).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Send to all members' }));
  await waitFor(() => expect(keys).toHaveLength(2));
  expect(keys[1]).toBe(keys[0]);
  await user.type(box, '!');
  fail = false;
  await user.click(screen.getByRole('button', { name: 'Send to all members' }));
  expect(await screen.findByText('Done: nothing is left to send. The counts above say who it reached and who it could not.')).toBeTruthy();
  expect(keys[2]).not.toBe(keys[0]);
});

it('refuses text over the cap before sending, in Polish too', async () => {
  render({ sendAnnouncement: async () => announced({}, true) }, <AnnouncementPanel programmeId="p1" />, 'pl');
  const user = userEvent.setup();
  await user.click(screen.getByRole('textbox', { name: 'Ogłoszenie' }));
  await user.paste('x'.repeat(1001));
  expect(screen.getByText('Ogłoszenie ma 1001 znaków; skróć je do 1000.')).toBeTruthy();
  expect((screen.getByRole('button', { name: 'Wyślij do wszystkich' }) as HTMLButtonElement).disabled).toBe(true);
});

it('a nudge says when the next is possible, and a second within seven days shows why not', async () => {
  let first = true;
  const api = {
    nudgePair: async () => {
      if (first) {
        first = false;
        return { relationshipId: 'r1', nudgedAt: '2027-02-01T10:00:00.000Z', nextPossibleAt: '2027-02-08T10:00:00.000Z', risks: ['agreementNotAccepted' as const] };
      }
      throw new ApiError({ kind: 'rejected', status: 409, code: 'PROGRAMME.NUDGE_TOO_SOON', serverMessage: 'This pair was nudged on 2027-02-01; the next nudge is possible from 2027-02-08T10:00:00.000Z.' });
    },
  };
  const user = userEvent.setup();
  const { unmount } = render(api, <NudgeButton programmeId="p1" relationshipId="r1" pairName="Margaret · Kacper" />);
  await user.click(screen.getByRole('button', { name: 'Send a nudge: Margaret · Kacper' }));
  expect(await screen.findByText(/Nudge on its way\. Next one possible from .*8 Feb 2027/)).toBeTruthy();
  unmount();
  render(api, <NudgeButton programmeId="p1" relationshipId="r1" pairName="Margaret · Kacper" />);
  await user.click(screen.getByRole('button', { name: 'Send a nudge: Margaret · Kacper' }));
  expect(await screen.findByText(/the next nudge is possible from 2027-02-08/)).toBeTruthy();
});
