/** The bot's programme cards as data: the owner's words escaped, Join's data, the nudge in the product's words only. */
import { announcementCard, pairNudgeCard, programmeInvitationCard, programmeJoinedCard } from '../../../src/adapters/cards/programme-cards';
import { escapeCardText } from '../../../src/adapters/cards/card-text';

const texts = (card: { body: readonly Record<string, unknown>[] }) => card.body.map((b) => b.text).filter((t): t is string => typeof t === 'string');

it('an announcement shows the owner’s text as typed: no link, no list, no date function', () => {
  const text = '[Agenda](https://evil.example)\n- bring {{DATE(2027-01-01T00:00:00Z)}}\n**now**';
  const card = announcementCard({ locale: 'en', programmeName: 'Data *skills*', text, programmeLink: 'https://tab.example/#/programme' });
  expect(texts(card)).toContain(escapeCardText(text));
  expect(texts(card)[0]).toBe('Data \\*skills\\*: an announcement');
  expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open the programme', url: 'https://tab.example/#/programme' }]);
});

it('the invitation carries Join (Action.Execute with a Submit fallback) and the role to choose, in Polish too', () => {
  const card = programmeInvitationCard({ locale: 'pl', programmeId: 'p1', programmeName: 'Dane 2027', purpose: 'Raporty', startDate: '2027-01-04', endDate: '2027-06-30', programmeLink: 'https://tab.example/#/programme' });
  const join = card.actions!.find((a) => a.type === 'Action.Execute')!;
  expect(join).toMatchObject({ verb: 'programme.join', data: { verb: 'programme.join', cardVersion: 1, programmeId: 'p1' }, fallback: { type: 'Action.Submit' } });
  const role = card.body.find((b) => b.type === 'Input.ChoiceSet')!;
  expect(role).toMatchObject({ id: 'role', isRequired: true, value: 'mentee', choices: [{ value: 'mentee' }, { value: 'mentor' }] });
  expect(texts(card)[0]).toBe('Zaproszenie do programu Dane 2027');
  expect(texts(programmeJoinedCard({ locale: 'en', problem: 'Create your profile first.', programmeLink: 'x' }))).toEqual(['You could not join: Create your profile first.']);
});

it('the nudge says what the facts say in the product’s words, one line per risk', () => {
  const card = pairNudgeCard({ locale: 'en', programmeName: 'Data 2027', partnerName: 'Ana [boss](x)', risks: ['agreementNotAccepted', 'twoCancellationsInARow'], scheduleLink: 's', homeLink: 'h' });
  const lines = texts(card);
  expect(lines[0]).toBe('A gentle nudge');
  expect(lines[1]).toContain('Ana \\[boss\\](x)');
  expect(lines.slice(2)).toEqual([
    'Your agreement is not accepted yet. Agree on how you will meet, and the schedule books the meetings.',
    'Your last two meetings were cancelled. If the time does not suit you any more, the schedule finds another one.',
  ]);
});
