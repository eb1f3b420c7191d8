/**
 * The data the UKG Pro simulator serves: two environments of one customer (production and
 * test, each its own host, customer API key, service accounts and Developer Console
 * organization, as UKG keeps them apart: reference/other-systems.md §2.5), with companies,
 * employees, org levels and positions. No secrets here: passwords, keys and client secrets
 * are generated per run (secrets.ts).
 */

/** The web services a service account can be granted, by the names of Service Account Administration. */
export const WEB_SERVICES = [
  'Personnel Integration',
  'Employee Employment Information',
  'Company Configuration Integration',
] as const;
export type WebService = (typeof WEB_SERVICES)[number];

/** A web service account: HTTP Basic user with per-web-service View permissions. */
export interface ServiceAccountFixture {
  username: string;
  /** Web services ticked "View" for this account. */
  view: readonly WebService[];
}

/** A Developer Console client (client credentials, audience + organization). */
export interface ConsoleClientFixture {
  clientId: string;
  audiences: readonly string[];
  view: readonly WebService[];
}

export interface PersonFixture {
  employeeId: string;
  companyId: string;
  personId: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  emailAddress: string;
  addressCity: string;
  addressState: string;
  jobTitle: string;
  primaryJobCode: string;
  orgLevel1Code: string;
  orgLevel2Code: string;
  employeeNumber: string;
  originalHireDate: string;
  employeeStatusCode: 'A' | 'T' | 'L';
  fullTimeOrPartTimeCode: 'F' | 'P';
  supervisorID: string | null;
}

export interface OrgLevelFixture {
  level: number;
  code: string;
  description: string;
  levelDescription: string;
  budgetGroup: string | null;
  currentYearBudgetFTE: number;
  currentYearBudgetSalary: number;
  lastYearBudgetFTE: number;
  lastYearBudgetSalary: number;
  glSegment: string;
  reportingCategory: string | null;
  isActive: boolean;
}

export interface PositionFixture {
  positionCode: string;
  jobcode: string;
  companyId: string;
  organizationLevelCode1: string;
  organizationLevelCode2: string;
  locationCode: string;
  statusCode: 'A' | 'I';
  isApproved: boolean;
  overstaffingAllowed: boolean;
  effectiveStartDate: string;
}

/** One environment (one web-services host). */
export interface EnvironmentFixture {
  name: 'production' | 'test';
  /** The Developer Console organization shown for this environment (Auth0-style `org_…`). */
  organization: string;
  /** Company code by company id. */
  companies: Record<string, string>;
  serviceAccounts: readonly ServiceAccountFixture[];
  consoleClients: readonly ConsoleClientFixture[];
  people: readonly PersonFixture[];
  orgLevels: readonly OrgLevelFixture[];
  positions: readonly PositionFixture[];
}

/** The audience a Developer Console client asks for (§2.1 b's example). */
export const DEFAULT_AUDIENCE = 'api.ukg.net';

const ALL_VIEW: readonly WebService[] = WEB_SERVICES;
const PEOPLE_ONLY: readonly WebService[] = [
  'Personnel Integration',
  'Employee Employment Information',
];

const FIRST = ['Ava', 'Ben', 'Chloe', 'Dev', 'Elena', 'Femi', 'Grace', 'Hiro', 'Ines', 'Jon'];
const LAST = ['Ortiz', 'Nakamura', 'Schmidt', 'Okafor', 'Larsen', 'Dubois', 'Kowalski', 'Reyes'];
const STATES = ['FL', 'GA', 'TX', 'NY', 'CA'];

function people(companyId: string, count: number, prefix: string): PersonFixture[] {
  const out: PersonFixture[] = [];
  for (let i = 0; i < count; i += 1) {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[(i * 3) % LAST.length]!;
    const n = String(i + 1).padStart(4, '0');
    out.push({
      employeeId: `${prefix}${n}`,
      companyId,
      personId: `7f3c${n}-0b1e-4c1a-9d2e-${companyId.toLowerCase()}${n}00`.slice(0, 36),
      firstName: first,
      lastName: last,
      preferredName: i % 4 === 0 ? first.slice(0, 2) : null,
      emailAddress: `${first}.${last}${i}@acme.example`.toLowerCase(),
      addressCity: ['Miami', 'Atlanta', 'Austin', 'Albany', 'Fresno'][i % 5]!,
      addressState: STATES[i % STATES.length]!,
      jobTitle: i === 0 ? 'Chief People Officer' : i % 3 === 0 ? 'Payroll Analyst' : 'Engineer',
      primaryJobCode: i % 3 === 0 ? 'PAYAN' : 'ENG2',
      orgLevel1Code: i % 2 === 0 ? 'EAST' : 'WEST',
      orgLevel2Code: i % 3 === 0 ? 'FIN' : 'RND',
      employeeNumber: String(100000 + i),
      originalHireDate: `20${String(10 + (i % 14)).padStart(2, '0')}-0${1 + (i % 9)}-15T00:00:00`,
      employeeStatusCode: i % 17 === 16 ? 'T' : 'A',
      fullTimeOrPartTimeCode: i % 5 === 4 ? 'P' : 'F',
      supervisorID: i === 0 ? null : `${prefix}0001`,
    });
  }
  return out;
}

const ORG_LEVELS: readonly OrgLevelFixture[] = [
  {
    level: 1,
    code: 'EAST',
    description: 'East region',
    levelDescription: 'Region',
    budgetGroup: 'OPS',
    currentYearBudgetFTE: 42.5,
    currentYearBudgetSalary: 4_150_000,
    lastYearBudgetFTE: 40,
    lastYearBudgetSalary: 3_900_000,
    glSegment: '100',
    reportingCategory: 'REG',
    isActive: true,
  },
  {
    level: 1,
    code: 'WEST',
    description: 'West region',
    levelDescription: 'Region',
    budgetGroup: 'OPS',
    currentYearBudgetFTE: 37,
    currentYearBudgetSalary: 3_720_000,
    lastYearBudgetFTE: 38,
    lastYearBudgetSalary: 3_650_000,
    glSegment: '200',
    reportingCategory: 'REG',
    isActive: true,
  },
  {
    level: 1,
    code: 'NRTH',
    description: 'North region (closed)',
    levelDescription: 'Region',
    budgetGroup: null,
    currentYearBudgetFTE: 0,
    currentYearBudgetSalary: 0,
    lastYearBudgetFTE: 6,
    lastYearBudgetSalary: 480_000,
    glSegment: '300',
    reportingCategory: null,
    isActive: false,
  },
  {
    level: 2,
    code: 'FIN',
    description: 'Finance',
    levelDescription: 'Department',
    budgetGroup: 'GA',
    currentYearBudgetFTE: 12,
    currentYearBudgetSalary: 1_140_000,
    lastYearBudgetFTE: 11,
    lastYearBudgetSalary: 1_020_000,
    glSegment: '10',
    reportingCategory: 'DEPT',
    isActive: true,
  },
  {
    level: 2,
    code: 'RND',
    description: 'Research and development',
    levelDescription: 'Department',
    budgetGroup: 'RD',
    currentYearBudgetFTE: 55.5,
    currentYearBudgetSalary: 6_300_000,
    lastYearBudgetFTE: 50,
    lastYearBudgetSalary: 5_600_000,
    glSegment: '20',
    reportingCategory: 'DEPT',
    isActive: true,
  },
];

function positions(companyId: string, count: number): PositionFixture[] {
  const out: PositionFixture[] = [];
  for (let i = 0; i < count; i += 1) {
    out.push({
      positionCode: `P${String(i + 1).padStart(5, '0')}`,
      jobcode: i % 3 === 0 ? 'PAYAN' : 'ENG2',
      companyId,
      organizationLevelCode1: i % 2 === 0 ? 'EAST' : 'WEST',
      organizationLevelCode2: i % 3 === 0 ? 'FIN' : 'RND',
      locationCode: i % 2 === 0 ? 'MIA' : 'AUS',
      statusCode: i % 11 === 10 ? 'I' : 'A',
      isApproved: i % 7 !== 6,
      overstaffingAllowed: i % 5 === 0,
      effectiveStartDate: `2024-0${1 + (i % 9)}-01T00:00:00`,
    });
  }
  return out;
}

/** Production: two companies, 230 people (so a search pages), 120 positions. */
export const PRODUCTION: EnvironmentFixture = {
  name: 'production',
  organization: 'org_AcmePrd7Kq2Lm9X',
  companies: { J9A6Y: 'ACME', K2B7Z: 'ACMECA' },
  serviceAccounts: [
    { username: 'acme_integration', view: ALL_VIEW },
    // The seed's situation: can read people, lacks Company Configuration Integration.
    { username: 'acme_people_only', view: PEOPLE_ONLY },
  ],
  consoleClients: [
    { clientId: 'acme-headcount-prd', audiences: [DEFAULT_AUDIENCE], view: ALL_VIEW },
  ],
  people: [...people('J9A6Y', 200, 'A'), ...people('K2B7Z', 30, 'C')],
  orgLevels: ORG_LEVELS,
  positions: positions('J9A6Y', 120),
};

/** Test: one company, a handful of people; its own accounts, key and organization. */
export const TEST: EnvironmentFixture = {
  name: 'test',
  organization: 'org_AcmeTst4Hw8Zp3R',
  companies: { J9A6Y: 'ACME' },
  serviceAccounts: [{ username: 'acme_integration_test', view: ALL_VIEW }],
  consoleClients: [
    { clientId: 'acme-headcount-stg', audiences: [DEFAULT_AUDIENCE], view: ALL_VIEW },
  ],
  people: people('J9A6Y', 12, 'T'),
  orgLevels: ORG_LEVELS,
  positions: positions('J9A6Y', 8),
};
