/**
 * The local identity issuer served by `npm start` (http://127.0.0.1:7071/local-identity, proxied by the
 * dev server and the e2e static server). It stands in for Entra: the tokens it issues go through the
 * same validation in the API as Entra tokens do.
 */
export interface DemoPerson {
  personId: string;
  displayName: string;
  jobTitle?: string;
}

export interface LocalToken {
  accessToken: string;
  /** Epoch ms after which a new token must be requested. */
  expiresAt: number;
}

export class LocalIdentityUnavailable extends Error {
  constructor() {
    super('local identity issuer unreachable');
    this.name = 'LocalIdentityUnavailable';
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function toDemoPerson(raw: unknown): DemoPerson | undefined {
  if (!isRecord(raw)) return undefined;
  const personId = raw.personId ?? raw.id;
  const displayName = raw.displayName ?? raw.name;
  if (typeof personId !== 'string' || typeof displayName !== 'string') return undefined;
  return typeof raw.jobTitle === 'string' ? { personId, displayName, jobTitle: raw.jobTitle } : { personId, displayName };
}

export async function listDemoPeople(fetchImpl: typeof fetch = fetch, baseUrl = ''): Promise<DemoPerson[]> {
  let response: Response;
  try {
    response = await fetchImpl(`${baseUrl}/local-identity/people`, { headers: { Accept: 'application/json' } });
  } catch {
    throw new LocalIdentityUnavailable();
  }
  if (!response.ok) throw new LocalIdentityUnavailable();
  const body: unknown = await response.json().catch(() => undefined);
  const list = Array.isArray(body) ? body : isRecord(body) && Array.isArray(body.people) ? body.people : [];
  return list.map(toDemoPerson).filter((p): p is DemoPerson => p !== undefined);
}

export async function requestLocalToken(
  personId: string,
  now: number,
  fetchImpl: typeof fetch = fetch,
  baseUrl = '',
): Promise<LocalToken> {
  let response: Response;
  try {
    response = await fetchImpl(`${baseUrl}/local-identity/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ personId }),
    });
  } catch {
    throw new LocalIdentityUnavailable();
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok || !isRecord(body) || typeof body.accessToken !== 'string') throw new LocalIdentityUnavailable();
  const expiresInSeconds = typeof body.expiresIn === 'number' ? body.expiresIn : 3600;
  // Renew a minute early so a token never expires between being read and reaching the API.
  return { accessToken: body.accessToken, expiresAt: now + (expiresInSeconds - 60) * 1000 };
}

/** Keeps the chosen demo person for this browser tab and renews the token when it is about to expire. */
export class LocalSession {
  private token: LocalToken | undefined;

  constructor(
    readonly person: DemoPerson,
    private readonly clock: () => number,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async getToken(): Promise<string> {
    if (!this.token || this.token.expiresAt <= this.clock()) {
      this.token = await requestLocalToken(this.person.personId, this.clock(), this.fetchImpl);
    }
    return this.token.accessToken;
  }
}

const storageKey = 'mentoring.localPerson';

export function rememberLocalPerson(storage: Storage, person: DemoPerson | undefined): void {
  if (person) storage.setItem(storageKey, JSON.stringify(person));
  else storage.removeItem(storageKey);
}

export function recallLocalPerson(storage: Storage): DemoPerson | undefined {
  try {
    return toDemoPerson(JSON.parse(storage.getItem(storageKey) ?? 'null'));
  } catch {
    return undefined;
  }
}
