/**
 * The booking use cases on real parts: Table Storage repositories on the test run's Azurite, the
 * Graph adapter (the official client) over HTTP against the local Graph calendar, whose events live
 * in Azurite too. Each world has its own tables and tenant; the clock is fixed by the tests.
 */
import { randomUUID } from 'node:crypto';
import { GraphCalendarAdapter } from '../../../src/adapters/graph/graph-calendar.adapter';
import { createGraphClient } from '../../../src/adapters/graph/graph-client';
import { storageFromConnectionString } from '../../../src/adapters/storage/storage-connection';
import { TableDocumentStore } from '../../../src/adapters/storage/table-document-store';
import { tableRepositories } from '../../../src/adapters/storage/table-repositories';
import type { Agreement } from '../../../src/core/agreement/agreement';
import type { BookingDeps, PeopleDirectory } from '../../../src/core/booking';
import type { CalendarPerson, CalendarPort } from '../../../src/core/ports/calendar';
import type { MentoringRepositories } from '../../../src/core/ports/repositories';
import type { Relationship } from '../../../src/core/relationships/relationship';
import { fail, ok } from '../../../src/core/result';
import { acceptAgreement, acceptRequest, createRequest, proposeAgreement, upsertMyProfile, type Principal } from '../../../src/core/usecases';
import type { LocalCalendarPerson } from '../../../src/local/calendar/demo-calendars';
import { localCalendarTable, startLocalGraphCalendar, type LocalGraphCalendarOptions, type StartedLocalGraphCalendar } from '../../../src/local/calendar/local-graph-calendar';
import { testStorageConnectionString, uniqueTableName } from '../../support/azurite';

export interface WorldPerson extends LocalCalendarPerson {
  readonly principal: Principal;
  /** IANA zone, for the profile and the agreement. */
  readonly zone: string;
}

export interface BookingWorld {
  readonly tenantId: string;
  readonly repos: MentoringRepositories;
  readonly calendar: StartedLocalGraphCalendar;
  readonly adapter: CalendarPort;
  readonly directory: PeopleDirectory;
  deps(overrides?: Partial<BookingDeps>): BookingDeps;
  /** The people given at start, in order (mailboxes exist from the calendar's start). */
  readonly people: readonly WorldPerson[];
  /** Profiles, request, acceptance, agreement proposed by the mentor and accepted by the mentee. */
  pair(mentor: WorldPerson, mentee: WorldPerson, agreement: (mentorId: string, menteeId: string) => Agreement, now: number): Promise<Relationship>;
  stop(): Promise<void>;
}

export function expectOk<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

export class ListDirectory implements PeopleDirectory {
  constructor(private readonly people: () => readonly (CalendarPerson & { tenantId: string })[]) {}
  async findPeople(tenantId: string, ids: readonly string[]) {
    const found: CalendarPerson[] = [];
    for (const id of ids) {
      const p = this.people().find((x) => x.personId === id && x.tenantId === tenantId);
      if (!p) return fail('DIRECTORY.PERSON_NOT_FOUND', `No person ${id} in the directory.`);
      found.push({ personId: p.personId, email: p.email, displayName: p.displayName });
    }
    return ok(found);
  }
}

export interface PersonSpec {
  readonly name: string;
  /** IANA zone of the profile and the agreement. */
  readonly zone: string;
  /** What Outlook reports (often a Windows name); default `zone`. */
  readonly outlookZone?: string;
  readonly seeded?: boolean;
}

/** `calendar`: more of the local calendar (online meetings, this app in Teams) for the tests that need it. */
export async function startBookingWorld(specs: readonly PersonSpec[], calendarOptions: Pick<LocalGraphCalendarOptions, 'attendance' | 'teamsApps'> = {}): Promise<BookingWorld> {
  const tenantId = randomUUID();
  const store = await TableDocumentStore.open(storageFromConnectionString(testStorageConnectionString()), uniqueTableName('booking'));
  const repos = tableRepositories(store);
  const people: WorldPerson[] = specs.map((spec) => {
    const personId = randomUUID();
    return {
      personId,
      email: `${spec.name.toLowerCase().replace(/\s+/g, '.')}.${personId.slice(0, 6)}@contoso.local`,
      displayName: spec.name,
      timeZone: spec.outlookZone ?? spec.zone,
      zone: spec.zone,
      seeded: spec.seeded ?? false,
      principal: { tenantId, userId: personId, displayName: spec.name, roles: [] },
    };
  });
  const calendar = await startLocalGraphCalendar({
    table: localCalendarTable(testStorageConnectionString(), uniqueTableName('bookinggraph')),
    people,
    faults: { retryAfterSeconds: 0 },
    ...calendarOptions,
  });
  const adapter = new GraphCalendarAdapter({
    tenantId,
    client: createGraphClient({ baseUrl: calendar.baseUrl, accessToken: async () => 'local-test-token' }),
    batch: { fallbackRetrySeconds: 0, maxAttempts: 12 },
  });
  const directory = new ListDirectory(() => people.map((p) => ({ ...p, tenantId: p.principal.tenantId })));
  const deps = { ids: { newId: () => randomUUID() } };

  return {
    tenantId,
    repos,
    calendar,
    adapter,
    directory,
    deps: (overrides = {}) => ({ repos, calendar: adapter, directory, ...overrides }),
    people,
    async pair(mentor, mentee, agreement, now) {
      const base = { repos, ...deps };
      for (const p of [mentor, mentee]) {
        expectOk(
          await upsertMyProfile(base, {
            principal: p.principal,
            now,
            input: {
              jobTitle: 'Engineer',
              seniority: p === mentor ? 'senior' : 'junior',
              skillsToTeach: ['power bi'],
              skillsToLearn: ['leadership'],
              languages: ['en'],
              timeZone: p.zone,
              capacity: 5,
              openToReverseMentoring: true,
            },
          }),
        );
      }
      const request = expectOk(
        await createRequest(base, {
          principal: mentee.principal,
          now,
          input: { mentorId: mentor.personId, note: 'Please', preWork: { whatIWant: 'Grow as a lead', whatIBring: 'Curiosity', expectations: 'Honest feedback' } },
        }),
      );
      const relationship = expectOk(await acceptRequest(base, { principal: mentor.principal, now, input: { requestId: request.id } }));
      expectOk(await proposeAgreement(base, { principal: mentor.principal, now, input: { relationshipId: relationship.id, agreement: agreement(mentor.personId, mentee.personId), note: '' } }));
      expectOk(await acceptAgreement(base, { principal: mentee.principal, now, input: { relationshipId: relationship.id, versionNumber: 1 } }));
      return expectOk(await repos.relationships.get(tenantId, relationship.id));
    },
    stop: () => calendar.stop(),
  };
}

/** Every event the local calendar holds for a mailbox, cancelled ones included. */
export async function eventsOf(world: BookingWorld, mailbox: string) {
  return world.calendar.handler.events.list(mailbox);
}
