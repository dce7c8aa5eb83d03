/**
 * The people of the local stand-in tenants: who you can sign in as with `npm start`. Two tenants so
 * that tenant isolation can be seen; a spread of zones (including a half-hour one) and seniority so
 * that reverse mentoring and scheduling across zones can be tried.
 */
import type { SeniorityLevel } from '../core/profiles/profile';

export interface DemoTenant {
  readonly tenantId: string;
  readonly name: string;
}

export interface DemoPerson {
  readonly personId: string;
  readonly tenantId: string;
  readonly displayName: string;
  readonly email: string;
  readonly jobTitle: string;
  readonly seniority: SeniorityLevel;
  readonly timeZone: string;
  readonly skillsToTeach: readonly string[];
  readonly skillsToLearn: readonly string[];
  readonly languages: readonly string[];
  readonly capacity: number;
  readonly openToReverseMentoring: boolean;
  /** App roles (Entra app role claim), e.g. programme owners. */
  readonly roles: readonly string[];
}

export const CONTOSO: DemoTenant = { tenantId: '11111111-1111-4111-8111-111111111111', name: 'Contoso (local)' };
export const FABRIKAM: DemoTenant = { tenantId: '22222222-2222-4222-8222-222222222222', name: 'Fabrikam (local)' };
export const DEMO_TENANTS: readonly DemoTenant[] = [CONTOSO, FABRIKAM];

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    personId: 'a0000001-0000-4000-8000-000000000001',
    tenantId: CONTOSO.tenantId,
    displayName: 'Margaret Hale',
    email: 'margaret.hale@contoso.local',
    jobTitle: 'Chief Operating Officer',
    seniority: 'executive',
    timeZone: 'America/New_York',
    skillsToTeach: ['Leadership', 'Negotiation', 'Strategy'],
    skillsToLearn: ['Power BI', 'Generative AI', 'Teams automation'],
    languages: ['en'],
    capacity: 1,
    openToReverseMentoring: true,
    roles: [],
  },
  {
    personId: 'a0000002-0000-4000-8000-000000000002',
    tenantId: CONTOSO.tenantId,
    displayName: 'Kacper Nowak',
    email: 'kacper.nowak@contoso.local',
    jobTitle: 'Junior Developer',
    seniority: 'junior',
    timeZone: 'Europe/Warsaw',
    skillsToTeach: ['Power BI', 'Generative AI', 'Teams automation', 'TypeScript'],
    skillsToLearn: ['Leadership', 'Public speaking'],
    languages: ['pl', 'en'],
    capacity: 2,
    openToReverseMentoring: true,
    roles: [],
  },
  {
    personId: 'a0000003-0000-4000-8000-000000000003',
    tenantId: CONTOSO.tenantId,
    displayName: 'Priya Raman',
    email: 'priya.raman@contoso.local',
    jobTitle: 'Engineering Lead',
    seniority: 'lead',
    timeZone: 'Asia/Kolkata',
    skillsToTeach: ['System design', 'Public speaking', 'TypeScript'],
    skillsToLearn: ['Negotiation'],
    languages: ['en', 'hi', 'ta'],
    capacity: 3,
    openToReverseMentoring: false,
    roles: [],
  },
  {
    personId: 'a0000004-0000-4000-8000-000000000004',
    tenantId: CONTOSO.tenantId,
    displayName: 'Oliver Bennett',
    email: 'oliver.bennett@contoso.local',
    jobTitle: 'Learning & Development Partner',
    seniority: 'senior',
    timeZone: 'Europe/London',
    skillsToTeach: ['Coaching', 'Career planning'],
    skillsToLearn: ['Generative AI'],
    languages: ['en'],
    capacity: 2,
    openToReverseMentoring: true,
    roles: ['Programme.Owner'],
  },
  {
    personId: 'b0000001-0000-4000-8000-000000000001',
    tenantId: FABRIKAM.tenantId,
    displayName: 'Hiroshi Tanaka',
    email: 'hiroshi.tanaka@fabrikam.local',
    jobTitle: 'VP Sales',
    seniority: 'executive',
    timeZone: 'Asia/Tokyo',
    skillsToTeach: ['Negotiation', 'Leadership'],
    skillsToLearn: ['Power BI'],
    languages: ['ja', 'en'],
    capacity: 1,
    openToReverseMentoring: true,
    roles: ['Programme.Owner'],
  },
  {
    personId: 'b0000002-0000-4000-8000-000000000002',
    tenantId: FABRIKAM.tenantId,
    displayName: 'Ana Costa',
    email: 'ana.costa@fabrikam.local',
    jobTitle: 'Data Analyst',
    seniority: 'intermediate',
    timeZone: 'America/Sao_Paulo',
    skillsToTeach: ['Power BI', 'SQL'],
    skillsToLearn: ['Negotiation'],
    languages: ['pt', 'en'],
    capacity: 2,
    openToReverseMentoring: true,
    roles: [],
  },
];

export function findDemoPerson(personId: string): DemoPerson | undefined {
  return DEMO_PEOPLE.find((p) => p.personId === personId);
}

/**
 * Who manages whom in the demo tenants, as Entra ID's `manager` would say (served by the local
 * calendar at /users/{id}/manager): Kacper Nowak reports to Priya Raman, Priya Raman and Oliver
 * Bennett to Margaret Hale; Ana Costa to Hiroshi Tanaka. Cohort matching never pairs these.
 */
export const DEMO_MANAGERS: Readonly<Record<string, string>> = {
  'a0000002-0000-4000-8000-000000000002': 'a0000003-0000-4000-8000-000000000003',
  'a0000003-0000-4000-8000-000000000003': 'a0000001-0000-4000-8000-000000000001',
  'a0000004-0000-4000-8000-000000000004': 'a0000001-0000-4000-8000-000000000001',
  'b0000002-0000-4000-8000-000000000002': 'b0000001-0000-4000-8000-000000000001',
};

/** A demo Microsoft Entra group, served by the local calendar at /groups/{id}/transitiveMembers. */
export interface DemoGroup {
  readonly id: string;
  readonly tenantId: string;
  readonly displayName: string;
  /** Person ids and ids of nested groups. */
  readonly members: readonly string[];
}

/**
 * Contoso's "Mentoring pilot" holds Margaret Hale directly and Kacper Nowak and Priya Raman through
 * the nested "Engineering" group (so joining reads transitive membership); Oliver Bennett, the demo
 * owner, is in neither. Fabrikam has one group with Ana Costa.
 */
export const DEMO_GROUPS: readonly DemoGroup[] = [
  { id: 'c0000001-0000-4000-8000-000000000001', tenantId: CONTOSO.tenantId, displayName: 'Mentoring pilot', members: ['a0000001-0000-4000-8000-000000000001', 'c0000002-0000-4000-8000-000000000002'] },
  { id: 'c0000002-0000-4000-8000-000000000002', tenantId: CONTOSO.tenantId, displayName: 'Engineering', members: ['a0000002-0000-4000-8000-000000000002', 'a0000003-0000-4000-8000-000000000003'] },
  { id: 'd0000001-0000-4000-8000-000000000001', tenantId: FABRIKAM.tenantId, displayName: 'Mentoring circle', members: ['b0000002-0000-4000-8000-000000000002'] },
];
