/**
 * Who the Microsoft 365 Agents Playground is. By default it chats as "Alex Wilber" in a tenant of
 * zeros, who is nobody in the demo data, so no check-in card can ever reach its chat. `npm run
 * playground` writes the Playground's own config file (its documented `.m365agentsplayground.yml`
 * format, read from M365_AGENTS_PLAYGROUND_CONFIG_PATH) so that it chats as a demo person instead:
 * the activities it sends carry that person's tenant and Entra object id, the bot stores the
 * conversation reference under that person, and the cards the bot sends them (a check-in after
 * `POST /local-bot/end-meeting`) arrive in the Playground. Nothing in the bot knows about this.
 */
import { DEMO_PEOPLE, type DemoPerson } from './demo-people';

/** Kacper Nowak: in the seeded pair and in the README's walk-through pair. */
export const DEFAULT_PLAYGROUND_PERSON = 'kacper.nowak@contoso.local';

/** PLAYGROUND_PERSON names a demo person by e-mail, person id or display name (any case). */
export function playgroundPerson(setting: string | undefined, people: readonly DemoPerson[] = DEMO_PEOPLE): { ok: true; person: DemoPerson } | { ok: false; message: string } {
  const wanted = (setting?.trim() || DEFAULT_PLAYGROUND_PERSON).toLowerCase();
  const person = people.find((p) => p.email.toLowerCase() === wanted || p.personId.toLowerCase() === wanted || p.displayName.toLowerCase() === wanted);
  if (person) return { ok: true, person };
  const known = people.map((p) => `${p.displayName} <${p.email}>`).join(', ');
  return { ok: false, message: `PLAYGROUND_PERSON="${setting}" is not a demo person. Use an e-mail, id or name of one of: ${known}.` };
}

const q = (value: string) => JSON.stringify(value);

function userYaml(person: DemoPerson, indent: string): string {
  const [given = person.displayName, ...rest] = person.displayName.split(' ');
  return [
    `id: ${q(`29:${person.personId}`)}`,
    `name: ${q(person.displayName)}`,
    `userPrincipleName: ${q(person.email)}`,
    `aadObjectId: ${q(person.personId)}`,
    `givenName: ${q(given)}`,
    `surname: ${q(rest.join(' ') || given)}`,
    `email: ${q(person.email)}`,
  ]
    .map((line, i) => (i === 0 ? line : `${indent}${line}`))
    .join('\n');
}

/** The Playground's schema asks for at least five other users; its own sample people fill the list up. */
const PLAYGROUND_MIN_USERS = 5;
const playgroundSampleUser = (n: number): DemoPerson => ({
  ...DEMO_PEOPLE[0]!,
  personId: `00000000-0000-0000-0000-00000000002${n}`,
  displayName: `Sample User ${n}`,
  email: `sample${n}@example.com`,
});

/** The Playground's config file (schema 0.1.1) for chatting as `person`; the tenant's other demo people are its other users. */
export function playgroundConfigYaml(person: DemoPerson, people: readonly DemoPerson[] = DEMO_PEOPLE): string {
  const colleagues = people.filter((p) => p.tenantId === person.tenantId && p.personId !== person.personId);
  const others = [...colleagues, ...Array.from({ length: Math.max(0, PLAYGROUND_MIN_USERS - colleagues.length) }, (_, i) => playgroundSampleUser(i + 1))];
  return [
    '# Written by `npm run playground` (src/local/playground-config.ts): the Playground chats as a demo person.',
    'version: "0.1.1"',
    `tenantId: ${q(person.tenantId)}`,
    'bot:',
    '  id: "00000000-0000-0000-0000-00000000000011"',
    '  name: "Mentoring (local)"',
    'currentUser:',
    `  ${userYaml(person, '  ')}`,
    'users:',
    ...others.map((p) => `  - ${userYaml(p, '    ')}`),
    'personalChat:',
    '  id: __PERSONAL_CHAT_ID__',
    'groupChat:',
    '  id: __GROUP_CHAT_ID__',
    '  name: Group Chat',
    'team:',
    '  id: team-id',
    '  name: My Team',
    '  aadGroupId: 00000000-0000-0000-0000-000000000031',
    '  channels:',
    '    - id: channel-announcements-id',
    '      name: Announcements',
    '',
  ].join('\n');
}
