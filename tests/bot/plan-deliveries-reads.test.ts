/**
 * Planning reads the pair's two profiles at most once: when open action items need their zones
 * (reminders) and new check-ins need their names (the feed's "check-in due"), one read serves both;
 * without reminders it reads none (the feed worker reads the partner's name as it sends).
 * Pure orchestration over the in-memory repositories, with a counting wrapper around the profiles.
 */
import { planDeliveries } from '../../src/bot/delivery/plan-deliveries';
import type { DeliveryJob, DeliveryQueue, PlannedKeys } from '../../src/core/ports/delivery';
import type { FeedJob, FeedQueue } from '../../src/core/ports/feed';
import type { ProfileRepository } from '../../src/core/ports/repositories';
import { InMemoryRepositories } from '../fakes/in-memory-repositories';
import { MentoringWorld, NOW, person, unwrap } from '../fakes/mentoring-world';

const HOUR = 3_600_000;

/** The profile port, counting its reads. */
class CountingProfiles implements ProfileRepository {
  readonly reads: string[] = [];
  constructor(private readonly inner: ProfileRepository) {}
  get(tenantId: string, userId: string) {
    this.reads.push(userId);
    return this.inner.get(tenantId, userId);
  }
  list(tenantId: string) {
    return this.inner.list(tenantId);
  }
  create(...args: Parameters<ProfileRepository['create']>) {
    return this.inner.create(...args);
  }
  update(...args: Parameters<ProfileRepository['update']>) {
    return this.inner.update(...args);
  }
}

class ListQueue implements DeliveryQueue {
  readonly jobs: DeliveryJob[] = [];
  async enqueue(jobs: readonly DeliveryJob[]) {
    this.jobs.push(...jobs);
  }
  read() {
    return undefined;
  }
  async poison() {}
}

class ListFeedQueue implements FeedQueue {
  readonly jobs: FeedJob[] = [];
  async enqueue(jobs: readonly FeedJob[]) {
    this.jobs.push(...jobs);
  }
  read() {
    return undefined;
  }
}

class MemoryPlannedKeys implements PlannedKeys {
  readonly keys = new Set<string>();
  async claimed(_tenantId: string, _relationshipId: string, keys: readonly string[]) {
    return new Set(keys.filter((k) => this.keys.has(k)));
  }
  async claim(_tenantId: string, _relationshipId: string, keys: readonly string[]) {
    for (const k of keys) this.keys.add(k);
  }
}

async function pairWithCheckInAndReminderDue() {
  const world = new MentoringWorld();
  const mentor = person('mentor', 'Maria Mentor');
  const mentee = person('mentee', 'Tom Mentee');
  const relationship = await world.pair(mentor, mentee, { mentorProfile: { timeZone: 'Europe/Warsaw' }, menteeProfile: { timeZone: 'Asia/Kolkata' } });
  // The first meeting ended an hour ago (check-ins due); the next is in twelve hours (reminders due).
  await world.meeting(mentor, relationship, { id: 'm1', number: 1 });
  await world.meeting(mentor, relationship, { id: 'm2', number: 2, start: NOW + 12 * HOUR, end: NOW + 13 * HOUR, status: 'planned' });
  unwrap(
    await world.repos.relationships.actionItems.create(mentor.tenantId, relationship.id, {
      id: 'a1',
      title: 'Draft the plan',
      ownerId: mentee.userId,
      dueDate: '2026-03-02',
      status: 'open',
      origin: { kind: 'manual' },
      createdBy: mentee.userId,
      createdAt: NOW - 3 * HOUR,
      updatedAt: NOW - 3 * HOUR,
    }),
  );
  return { world, relationship, tenantId: mentor.tenantId };
}

function reposCounting(inner: InMemoryRepositories) {
  const profiles = new CountingProfiles(inner.profiles);
  return { profiles, repos: { profiles, requests: inner.requests, relationships: inner.relationships } };
}

it('check-ins and reminders due together: each profile is read once, and the feed still names the partner', async () => {
  const { world, relationship, tenantId } = await pairWithCheckInAndReminderDue();
  const { profiles, repos } = reposCounting(world.repos);
  const queue = new ListQueue();
  const feed = new ListFeedQueue();
  let id = 0;
  const planned = unwrap(
    await planDeliveries({ repos, queue, planned: new MemoryPlannedKeys(), newJobId: () => `job-${++id}`, feed: { queue: feed, newJobId: () => `feed-${++id}` } }, tenantId, relationship.id, NOW),
  );

  expect(planned.map((m) => `${m.kind}:${m.personId}`).sort()).toEqual(['actionItemReminder:mentee', 'checkin:mentee', 'checkin:mentor']);
  expect([...profiles.reads].sort()).toEqual(['mentee', 'mentor']);
  expect(feed.jobs.map((j) => [j.event.type, j.event.personId, j.event.subject]).sort()).toEqual([
    ['checkInDue', 'mentee', 'Maria Mentor'],
    ['checkInDue', 'mentor', 'Tom Mentee'],
  ]);
});

it('check-ins due without reminders: planning reads no profile; the feed jobs name whose name the worker reads as it sends', async () => {
  const { world, relationship, tenantId } = await pairWithCheckInAndReminderDue();
  const item = unwrap(await world.repos.relationships.actionItems.get(tenantId, relationship.id, 'a1'));
  unwrap(await world.repos.relationships.actionItems.update(tenantId, relationship.id, { ...item, status: 'done', completedAt: NOW - HOUR }, item.version));
  const { profiles, repos } = reposCounting(world.repos);
  const feed = new ListFeedQueue();
  await planDeliveries({ repos, queue: new ListQueue(), planned: new MemoryPlannedKeys(), newJobId: () => 'job', feed: { queue: feed, newJobId: () => 'feed' } }, tenantId, relationship.id, NOW);
  expect(profiles.reads).toEqual([]);
  expect(feed.jobs.map((j) => [j.event.personId, j.event.subject, j.event.subjectPersonId]).sort()).toEqual([
    ['mentee', '', 'mentor'],
    ['mentor', '', 'mentee'],
  ]);
});
