/**
 * The boundary guard's event handlers (OnAppointmentTimeChanged, OnAppointmentAttendeesChanged,
 * OnAppointmentSend). They run in Outlook's plain JavaScript runtime on some clients: no DOM, no React,
 * nothing but the API call. The rules every path keeps:
 * - `event.completed` is called exactly once, whatever happens (API down, slow, malformed answer);
 * - the guard fails open: on any error it clears its own bar and lets the send through, saying nothing;
 * - it informs and never blocks: a broken boundary on send answers with a Smart Alert in `promptUser`
 *   mode, so "Send anyway" is always there;
 * - appointments without the product's custom properties are not mentoring meetings: ignored.
 * The words are the person's: English or Polish by Office's display language (src/outlook/boundary-words.ts).
 * Office.js is reached through `GuardHost` (src/outlook/guard/office-guard-host.ts in Outlook, a
 * stand-in host in tests and the local harness).
 */
import type { BoundaryCheckDto } from '../../contracts/booking';
import { boundaryWordsFor } from '../boundary-words';

/** The ids booking writes as the add-in's custom properties (see addInCustomPropertiesId). */
export interface MentoringIds {
  readonly relationshipId: string;
  readonly meetingId: string;
}

export interface GuardHost {
  /** The item's custom properties; undefined when the item has none of ours. */
  mentoringIds(): Promise<MentoringIds | undefined>;
  /** The time the appointment shows now, as ISO instants. */
  appointmentTime(): Promise<{ readonly start: string; readonly end: string }>;
  /** Office's display language ("pl-PL", "en-US"): the guard speaks Polish or, for any other, English. */
  displayLanguage(): string;
  /** Replaces the guard's informational bar (Outlook allows 150 characters). */
  showNotice(message: string): Promise<void>;
  removeNotice(): Promise<void>;
  /** Records on the item that the person was told about this time and may send it anyway. */
  rememberWarnedTime(time: { readonly start: string; readonly end: string }): Promise<void>;
}

export interface GuardApi {
  checkBoundaries(ids: MentoringIds, time: { readonly start: string; readonly end: string }): Promise<BoundaryCheckDto>;
}

/** Office's event object, as far as the guard uses it. */
export interface CompletableEvent {
  completed(options?: { allowEvent?: boolean; errorMessage?: string; sendModeOverride?: 'promptUser' | 'softBlock' }): void;
}

export interface GuardDeps {
  readonly host: GuardHost;
  readonly api: GuardApi;
  /** How long the API may take (the platform cancels handlers that run too long); default 4 s. */
  readonly timeoutMs?: number;
}

export const DEFAULT_GUARD_TIMEOUT_MS = 4_000;

function within<T>(deps: GuardDeps, work: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('boundary check timed out')), deps.timeoutMs ?? DEFAULT_GUARD_TIMEOUT_MS);
    work.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });
}

/** The answer's shape, checked without zod (the runtime stays small): anything else is treated as an API failure. */
function isVerdict(v: unknown): v is BoundaryCheckDto {
  const x = v as Partial<BoundaryCheckDto> | null;
  if (x === null || typeof x !== 'object' || typeof x.ok !== 'boolean' || !Array.isArray(x.localTimes) || !Array.isArray(x.alternatives)) return false;
  return typeof x.callerRole === 'string' && (x.ok || (typeof x.broken?.code === 'string' && typeof x.broken.facts === 'object' && x.broken.facts !== null));
}

async function verdictFor(deps: GuardDeps): Promise<{ verdict: BoundaryCheckDto; time: { start: string; end: string } } | undefined> {
  const ids = await within(deps, deps.host.mentoringIds());
  if (!ids) return undefined;
  const time = await within(deps, deps.host.appointmentTime());
  const verdict = await within(deps, deps.api.checkBoundaries(ids, time));
  if (!isVerdict(verdict)) throw new Error('the boundary check answered in an unknown shape');
  return { verdict, time };
}

/** OnAppointmentTimeChanged / OnAppointmentAttendeesChanged: a bar while editing, removed once the time keeps the agreement. */
export async function onAppointmentChanged(event: CompletableEvent, deps: GuardDeps): Promise<void> {
  try {
    const checked = await verdictFor(deps);
    if (!checked) return;
    if (checked.verdict.ok) await deps.host.removeNotice();
    else await deps.host.showNotice(boundaryWordsFor(deps.host.displayLanguage()).notice(checked.verdict));
  } catch {
    // Fail open and quiet: a bar from an earlier check must not outlive what it said.
    await deps.host.removeNotice().catch(() => undefined);
  } finally {
    event.completed();
  }
}

/** OnAppointmentSend (Smart Alerts): a prompt with "Send anyway" when the time breaks the agreement; otherwise send. */
export async function onAppointmentSend(event: CompletableEvent, deps: GuardDeps): Promise<void> {
  let completion: Parameters<CompletableEvent['completed']>[0] = { allowEvent: true };
  try {
    const checked = await verdictFor(deps);
    if (checked && !checked.verdict.ok) {
      // Marks the item with the time the person was warned about, so a move sent anyway can be told from a violation.
      await within(deps, deps.host.rememberWarnedTime(checked.time));
      completion = { allowEvent: false, errorMessage: boundaryWordsFor(deps.host.displayLanguage()).alert(checked.verdict), sendModeOverride: 'promptUser' };
    }
  } catch {
    completion = { allowEvent: true };
  } finally {
    event.completed(completion);
  }
}
