/**
 * The Copilot plugin's OpenAPI document against the running API (the local host on Azurite, with the
 * production token validator): every path and method it describes answers, every real answer
 * validates against the document's schema for its status, and none of the operations the plugin
 * exposes ever answers a partner's private check-in note (Copilot reads what the tab shows, no more).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { DemoPerson } from '../../src/local/demo-people';
import { OPENAPI_FILE } from '../../src/api/copilot/openapi-document';
import { startApiHarness, type ApiAnswer, type ApiHarness, type Cast } from './support/api-harness';
import { addMeeting, agreementFor, CHECK_IN, SMART } from './support/endpoint-catalogue';
import type { Relationship } from '../../src/core/relationships/relationship';

interface Operation {
  readonly method: string;
  readonly template: string;
  readonly id: string;
  readonly definition: { parameters?: { name: string; in: string }[]; responses: Record<string, { content: { 'application/json': { schema: object } } }> };
}

const document = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'appPackage', OPENAPI_FILE), 'utf8')) as {
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation['definition'] & { operationId: string }>>;
};
const OPERATIONS: Operation[] = Object.entries(document.paths).flatMap(([template, item]) =>
  Object.entries(item).map(([method, definition]) => ({ method: method.toUpperCase(), template, id: definition.operationId, definition })),
);

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);

/** The document's schema for the answer's status (or its `default`), and what it finds wrong. */
function violations(operation: Operation, answer: ApiAnswer): string[] {
  const response = operation.definition.responses[String(answer.status)] ?? operation.definition.responses.default;
  if (!response) return [`${operation.id}: status ${answer.status} is not in the document`];
  if (!answer.headers.get('content-type')?.startsWith('application/json')) return [`${operation.id}: answered ${answer.headers.get('content-type')}, not JSON`];
  const validate = ajv.compile(response.content['application/json'].schema);
  if (validate(answer.json)) return [];
  return (validate.errors ?? []).map((e) => `${operation.id} ${answer.status}: ${e.instancePath || '/'} ${e.message}`);
}

let h: ApiHarness;
let cast: Cast & { relationship: Relationship };
const secrets = { mentor: `mentor-private-${randomUUID()}`, mentee: `mentee-private-${randomUUID()}` };

async function ok(person: DemoPerson, method: string, url: string, body?: unknown): Promise<any> {
  const answer = await h.request(method, url, { person, ...(body !== undefined ? { body } : {}) });
  if (answer.status >= 300) throw new Error(`fixture ${method} ${url}: ${answer.status} ${answer.text}`);
  return answer.json;
}

beforeAll(async () => {
  h = await startApiHarness();
  cast = await h.newCast();
  const base = `/api/relationships/${cast.relationship.id}`;
  const proposed = await ok(cast.mentee, 'POST', `${base}/agreement`, { agreement: agreementFor(cast.relationship), note: 'Proposal' });
  await ok(cast.mentor, 'POST', `${base}/agreement/1/accept`, { version: proposed.versions[0].version });
  await ok(cast.mentee, 'POST', `${base}/goals`, { title: 'Power BI dashboard', smart: SMART, targetDate: '2027-03-31', progress: 40 });
  await ok(cast.mentee, 'POST', `${base}/action-items`, { title: 'Send the sales workbook to Kacper', ownerId: cast.mentee.personId, dueDate: '2027-01-15' });
  await ok(cast.mentor, 'POST', `${base}/action-items`, { title: 'Share the DAX cheat sheet', ownerId: cast.mentor.personId });
  // A held meeting, and both people's check-ins on it, each with a private note only its author may read.
  const meetingId = await addMeeting(h, cast, cast.relationship.id);
  await ok(cast.mentor, 'PUT', `${base}/meetings/${meetingId}/checkin`, { ...CHECK_IN, privateNote: secrets.mentor });
  await ok(cast.mentee, 'PUT', `${base}/meetings/${meetingId}/checkin`, { ...CHECK_IN, privateNote: secrets.mentee });
}, 120_000);
afterAll(() => h.stop());

/** A real request for the operation: the cast's relationship, a query that narrows, a body from the slots the API proposed. */
async function requestFor(operation: Operation, person: DemoPerson): Promise<{ url: string; body?: unknown }> {
  const url = operation.template.replace('{relationshipId}', encodeURIComponent(cast.relationship.id));
  const query: Record<string, string> = { listActionItems: 'status=open&pageSize=10', proposeSlots: 'maxSlots=3' };
  const full = `/api${url}${query[operation.id] ? `?${query[operation.id]}` : ''}`;
  if (operation.id !== 'bookMeetings') return { url: full };
  const slots = await ok(person, 'GET', `/api/relationships/${cast.relationship.id}/slots`);
  return { url: full, body: { scope: 'next', start: slots.slots[0].start } };
}

describe('the Copilot plugin’s OpenAPI document against the running API', () => {
  it('serves its API under the document’s server path', () => {
    expect(document.servers).toEqual([{ url: '${{API_ENDPOINT}}/api' }]);
    expect(OPERATIONS.map((o) => o.id).sort()).toEqual(['bookMeetings', 'getRelationship', 'listActionItems', 'listGoals', 'listMyRelationships', 'proposeSlots']);
  });

  it.each(OPERATIONS.map((o) => [o.id, o.method, o.template, o] as const))('%s (%s %s) answers its documented success, valid against its schema', async (_id, method, _template, operation) => {
    const { url, body } = await requestFor(operation, cast.mentee);
    const answer = await h.request(method, url, { person: cast.mentee, ...(body !== undefined ? { body } : {}) });
    const success = Object.keys(operation.definition.responses).filter((s) => s !== 'default');
    expect([operation.id, String(answer.status)]).toEqual([operation.id, success[0]]);
    expect(violations(operation, answer)).toEqual([]);
  }, 60_000);

  it.each(OPERATIONS.filter((o) => o.template.includes('{relationshipId}')).map((o) => [o.id, o] as const))(
    '%s for a relationship that is not mine answers an error valid against the document’s default answer',
    async (_id, operation) => {
      const url = `/api${operation.template.replace('{relationshipId}', cast.relationship.id)}`;
      const answer = await h.request(operation.method, url, { person: cast.stranger, ...(operation.method === 'POST' ? { body: { scope: 'next' } } : {}) });
      expect([403, 404]).toContain(answer.status);
      expect(violations(operation, answer)).toEqual([]);
    },
    60_000,
  );

  it('a booking answered to the plugin is in the relationship afterwards (the document describes what really happened)', async () => {
    const detail = await ok(cast.mentor, 'GET', `/api/relationships/${cast.relationship.id}`);
    const planned = detail.meetings.filter((m: { status: string }) => m.status === 'planned');
    expect(planned).toHaveLength(1);
    expect(violations(OPERATIONS.find((o) => o.id === 'getRelationship')!, await h.request('GET', `/api/relationships/${cast.relationship.id}`, { person: cast.mentor }))).toEqual([]);
  });
});

describe('privacy: the plugin’s operations never answer a partner’s private note', () => {
  it.each([
    ['mentor', 'mentee'],
    ['mentee', 'mentor'],
  ] as const)('asked as the %s, no operation answers the %s’s private note; the own one only where the tab shows it', async (me, partner) => {
    const person = cast[me];
    const seenOwn: string[] = [];
    for (const operation of OPERATIONS) {
      const { url, body } = await requestFor(operation, person);
      const answer = await h.request(operation.method, url, { person, ...(body !== undefined ? { body } : {}) });
      // Reads succeed; a second booking of the same next meeting is refused (BOOKING.NEXT_ALREADY_PLANNED), as documented.
      if (operation.method === 'GET') expect([operation.id, answer.status]).toEqual([operation.id, 200]);
      expect(violations(operation, answer)).toEqual([]);
      expect([operation.id, answer.text.includes(secrets[partner])]).toEqual([operation.id, false]);
      if (answer.text.includes(secrets[me])) seenOwn.push(operation.id);
    }
    // The relationship's check-ins carry my own note (the tab shows it to me); nothing else carries notes.
    expect(seenOwn).toEqual(['getRelationship']);
  }, 120_000);
});
