/**
 * Everyone in a relationship or a programme can be reached by the bot: check-ins, reminders and
 * nudges only reach people who have the app. When someone joins without it (the bot has no
 * conversation reference for them), the app is installed for them through Graph; Teams then sends
 * the bot an installationUpdate and the bot stores the reference as on a manual install. Where the
 * admin has not allowed it (403) that is recorded, and the tab tells the person how to add the app
 * themselves; throttling and outages are tried again by the sync timer. Never part of the answer of
 * the action that triggered it.
 */
import { ok, type Result } from '../result';
import { DAY, type Instant } from '../time/interval';
import type { ConversationReferenceLookup } from '../ports/bot-stores';
import type { PersonalAppsPort, PersonInstall, PersonInstallRecords } from '../ports/teams-apps';

export interface ReachDeps {
  readonly apps: PersonalAppsPort;
  readonly references: ConversationReferenceLookup;
  readonly installs: PersonInstallRecords;
}

/** How the tab sees it: the bot reaches me; it is being installed; my admin does not allow it; off on this server. */
export type MyReach = 'reachable' | 'installing' | 'notAllowed' | 'unknown';

export interface ReachOutcome {
  readonly reachable: readonly string[];
  readonly installed: readonly string[];
  readonly notAllowed: readonly string[];
  readonly failed: readonly string[];
}

/** A person the admin did not allow is asked again once a day (the admin may allow it meanwhile). */
export const NOT_ALLOWED_RETRY = DAY;

async function installFor(deps: ReachDeps, tenantId: string, personId: string, previous: PersonInstall | undefined, now: Instant): Promise<Result<PersonInstall>> {
  const installed = await deps.apps.installForPerson(personId);
  const base = { tenantId, personId, attempts: (previous?.attempts ?? 0) + 1, lastTriedAt: now };
  const record: PersonInstall = installed.ok
    ? { ...base, status: 'installed' }
    : { ...base, status: installed.error.code === 'GRAPH.FORBIDDEN' ? 'notAllowed' : 'failed', error: { code: installed.error.code, message: installed.error.message } };
  const saved = await deps.installs.save(record);
  return saved.ok ? ok(record) : saved;
}

/** Installs the app for those of `personIds` the bot cannot reach yet (idempotent: once installed, never again). */
export async function reachPeople(deps: ReachDeps, tenantId: string, personIds: readonly string[], now: Instant): Promise<Result<ReachOutcome>> {
  const outcome = { reachable: [] as string[], installed: [] as string[], notAllowed: [] as string[], failed: [] as string[] };
  for (const personId of new Set(personIds)) {
    const reachable = await deps.references.has(tenantId, personId);
    if (!reachable.ok) return reachable;
    if (reachable.value) {
      outcome.reachable.push(personId);
      continue;
    }
    const previous = await deps.installs.get(tenantId, personId);
    if (!previous.ok) return previous;
    if (previous.value?.status === 'installed') {
      // Installed by us before: Teams' installationUpdate stores the reference; installing again changes nothing.
      outcome.installed.push(personId);
      continue;
    }
    const record = await installFor(deps, tenantId, personId, previous.value, now);
    if (!record.ok) return record;
    outcome[record.value.status].push(personId);
  }
  return ok(outcome);
}

/** The sync timer's retry: throttled or failed installs at once, refused ones once a day; each with its tenant's ports. */
export async function retryPersonInstalls(reach: ReachFor, installs: Pick<PersonInstallRecords, 'listUnfinished'>, now: Instant): Promise<Result<ReachOutcome>> {
  const unfinished = await installs.listUnfinished();
  if (!unfinished.ok) return unfinished;
  const outcome = { reachable: [] as string[], installed: [] as string[], notAllowed: [] as string[], failed: [] as string[] };
  for (const record of unfinished.value) {
    if (record.status === 'notAllowed' && record.lastTriedAt + NOT_ALLOWED_RETRY > now) continue;
    const deps = reach(record.tenantId);
    if (!deps.ok) continue;
    const run = await reachPeople(deps.value, record.tenantId, [record.personId], now);
    if (!run.ok) return run;
    for (const key of ['reachable', 'installed', 'notAllowed', 'failed'] as const) outcome[key].push(...run.value[key]);
  }
  return ok(outcome);
}

/** What the tab tells me about the bot reaching me. Reads only; a store that does not answer is its failure value. */
export async function myReach(deps: Pick<ReachDeps, 'references' | 'installs'>, tenantId: string, personId: string): Promise<Result<MyReach>> {
  const reachable = await deps.references.has(tenantId, personId);
  if (!reachable.ok) return reachable;
  if (reachable.value) return ok('reachable');
  const record = await deps.installs.get(tenantId, personId);
  if (!record.ok) return record;
  if (!record.value) return ok('unknown');
  return ok(record.value.status === 'notAllowed' ? 'notAllowed' : 'installing');
}

/** The reach ports for a tenant, when the host has them (PROACTIVE_INSTALL_ENABLED); a failure value otherwise. */
export type ReachFor = (tenantId: string) => Result<ReachDeps>;

/**
 * After someone joined a relationship or a programme: best effort, never the triggering action's
 * failure. What could not be done is recorded for the timer (or, for an unexpected storage fault
 * before anything was recorded, done the next time the person joins something).
 */
export async function reachAfterJoining(reach: ReachFor | undefined, tenantId: string, personIds: readonly string[], now: Instant): Promise<void> {
  if (!reach) return;
  const deps = reach(tenantId);
  if (!deps.ok) return;
  try {
    await reachPeople(deps.value, tenantId, personIds, now);
  } catch {
    // Storage threw (not a value): the join itself succeeded and stands.
  }
}
