/**
 * Installing the app for people the bot cannot reach yet, as pure orchestration over fake ports
 * (the Graph adapter's HTTP behaviour is tests/adapters/graph/graph-teams-apps.adapter.test.ts):
 * installed, already installed (409 → success), not allowed (403 → recorded, the tab's message),
 * throttled (429 → failed, retried by the timer), and never installed twice.
 */
import { fail, ok, type Result } from '../../../src/core/result';
import type { InstallResult, PersonalAppsPort, PersonInstall, PersonInstallRecords } from '../../../src/core/ports/teams-apps';
import { myReach, NOT_ALLOWED_RETRY, reachAfterJoining, reachPeople, retryPersonInstalls, type ReachDeps } from '../../../src/core/reach/reach-people';

const T = 'tenant-a';
const NOW = Date.UTC(2027, 0, 4, 8, 0);

class ScriptedApps implements PersonalAppsPort {
  readonly calls: string[] = [];
  constructor(private readonly answers: Map<string, Result<InstallResult>[]>) {}
  async installForPerson(personId: string): Promise<Result<InstallResult>> {
    this.calls.push(personId);
    return this.answers.get(personId)?.shift() ?? ok('installed');
  }
}

class MemoryInstalls implements PersonInstallRecords {
  readonly rows = new Map<string, PersonInstall>();
  async get(tenantId: string, personId: string) {
    return ok(this.rows.get(`${tenantId}|${personId}`));
  }
  async save(record: PersonInstall) {
    this.rows.set(`${record.tenantId}|${record.personId}`, record);
    return ok(undefined);
  }
  async listUnfinished() {
    return ok([...this.rows.values()].filter((r) => r.status !== 'installed'));
  }
}

function world(answers: Record<string, Result<InstallResult>[]> = {}, reachable: string[] = []) {
  const apps = new ScriptedApps(new Map(Object.entries(answers)));
  const installs = new MemoryInstalls();
  const refs = new Set(reachable);
  const deps: ReachDeps = { apps, installs, references: { has: async (tenantId, id) => ok(tenantId === T && refs.has(id)) } };
  return { apps, installs, deps, refs };
}

const throttled = fail('GRAPH.THROTTLED', 'Microsoft 365 asked us to slow down.', { details: { status: 429 } });
const forbidden = fail('GRAPH.FORBIDDEN', 'The app is not allowed to install the app for this person.', { details: { status: 403 } });

it('installs for who the bot cannot reach, skips who it can, and never installs twice', async () => {
  const w = world({}, ['mentor']);
  expect(await reachPeople(w.deps, T, ['mentor', 'mentee', 'mentee'], NOW)).toEqual({ ok: true, value: { reachable: ['mentor'], installed: ['mentee'], notAllowed: [], failed: [] } });
  expect(w.apps.calls).toEqual(['mentee']);
  expect(await w.installs.get(T, 'mentee')).toEqual({ ok: true, value: { tenantId: T, personId: 'mentee', status: 'installed', attempts: 1, lastTriedAt: NOW } });
  // Until Teams' installationUpdate reaches the bot, the tab says it is on its way; a second join asks Graph nothing.
  expect(await myReach(w.deps, T, 'mentee')).toEqual({ ok: true, value: 'installing' });
  await reachPeople(w.deps, T, ['mentee'], NOW + 1000);
  expect(w.apps.calls).toEqual(['mentee']);
  w.refs.add('mentee');
  expect(await myReach(w.deps, T, 'mentee')).toEqual({ ok: true, value: 'reachable' });
});

it('already installed (Graph 409, which the adapter answers alreadyInstalled) is success', async () => {
  const w = world({ mentee: [ok('alreadyInstalled')] });
  expect(await reachPeople(w.deps, T, ['mentee'], NOW)).toMatchObject({ ok: true, value: { installed: ['mentee'] } });
  expect((await w.installs.get(T, 'mentee')).ok && (await w.installs.get(T, 'mentee'))).toMatchObject({ value: { status: 'installed' } });
});

it('403: recorded as not allowed, the tab tells the person; asked again only after a day', async () => {
  const w = world({ mentee: [forbidden, ok('installed')] });
  expect(await reachPeople(w.deps, T, ['mentee'], NOW)).toMatchObject({ ok: true, value: { notAllowed: ['mentee'] } });
  expect(await w.installs.get(T, 'mentee')).toMatchObject({ ok: true, value: { status: 'notAllowed', error: { code: 'GRAPH.FORBIDDEN' } } });
  expect(await myReach(w.deps, T, 'mentee')).toEqual({ ok: true, value: 'notAllowed' });
  const reach = () => ok(w.deps);
  expect(await retryPersonInstalls(reach, w.installs, NOW + 15 * 60_000)).toEqual({ ok: true, value: { reachable: [], installed: [], notAllowed: [], failed: [] } });
  expect(w.apps.calls).toEqual(['mentee']);
  // The admin allowed it meanwhile: the daily retry installs it.
  expect(await retryPersonInstalls(reach, w.installs, NOW + NOT_ALLOWED_RETRY)).toMatchObject({ ok: true, value: { installed: ['mentee'] } });
  expect(await myReach(w.deps, T, 'mentee')).toEqual({ ok: true, value: 'installing' });
});

it('429: recorded failed and retried by the timer’s next run, once', async () => {
  const w = world({ mentee: [throttled] });
  await reachAfterJoining(() => ok(w.deps), T, ['mentee', 'mentor'], NOW);
  expect(await w.installs.get(T, 'mentee')).toMatchObject({ ok: true, value: { status: 'failed', attempts: 1, error: { code: 'GRAPH.THROTTLED' } } });
  expect(await myReach(w.deps, T, 'mentee')).toEqual({ ok: true, value: 'installing' });
  expect(await retryPersonInstalls(() => ok(w.deps), w.installs, NOW + 15 * 60_000)).toEqual({ ok: true, value: { reachable: [], installed: ['mentee'], notAllowed: [], failed: [] } });
  expect(await w.installs.get(T, 'mentee')).toMatchObject({ ok: true, value: { status: 'installed', attempts: 2 } });
  expect(await retryPersonInstalls(() => ok(w.deps), w.installs, NOW + 30 * 60_000)).toMatchObject({ ok: true, value: { installed: [] } });
  expect(w.apps.calls).toEqual(['mentee', 'mentor', 'mentee']);
});

it('off on this server (no ports) or storage throwing: the join is never the one to fail', async () => {
  await expect(reachAfterJoining(undefined, T, ['x'], NOW)).resolves.toBeUndefined();
  await expect(reachAfterJoining(() => fail('TEAMS_APP.INSTALL_NOT_CONFIGURED', 'off'), T, ['x'], NOW)).resolves.toBeUndefined();
  const broken: ReachDeps = { ...world().deps, references: { has: async () => Promise.reject(new Error('table down')) } };
  await expect(reachAfterJoining(() => ok(broken), T, ['x'], NOW)).resolves.toBeUndefined();
  expect(await myReach(world().deps, T, 'nobody')).toEqual({ ok: true, value: 'unknown' });
});

it('the references store not answering is a failure value (STORAGE.UNAVAILABLE): nothing is installed or recorded', async () => {
  const w = world();
  const unavailable = fail('STORAGE.UNAVAILABLE', 'The data store did not answer. Nothing was changed; try again in a minute.');
  const down: ReachDeps = { ...w.deps, references: { has: async () => unavailable } };
  expect(await myReach(down, T, 'mentee')).toEqual(unavailable);
  expect(await reachPeople(down, T, ['mentee'], NOW)).toEqual(unavailable);
  expect(w.apps.calls).toEqual([]);
  expect(w.installs.rows.size).toBe(0);
});
