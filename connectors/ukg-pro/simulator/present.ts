/** The JSON UKG answers for each record, with each endpoint's own casing (§2.3). */
import type {
  EnvironmentFixture,
  OrgLevelFixture,
  PersonFixture,
  PositionFixture,
} from './fixtures';

export function personDetails(p: PersonFixture): Record<string, unknown> {
  return {
    employeeId: p.employeeId,
    companyId: p.companyId,
    personId: p.personId,
    userName: `${p.firstName}.${p.lastName}`.toLowerCase(),
    firstName: p.firstName,
    lastName: p.lastName,
    preferredName: p.preferredName,
    emailAddress: p.emailAddress,
    homePhone: null,
    addressCity: p.addressCity,
    addressState: p.addressState,
    addressCountry: 'USA',
  };
}

// employment-details spells ID with a capital D, unlike person-details.
export function employmentDetails(
  env: EnvironmentFixture,
  p: PersonFixture,
): Record<string, unknown> {
  return {
    employeeID: p.employeeId,
    companyID: p.companyId,
    companyCode: env.companies[p.companyId] ?? null,
    employeeNumber: p.employeeNumber,
    jobTitle: p.jobTitle,
    primaryJobCode: p.primaryJobCode,
    orgLevel1Code: p.orgLevel1Code,
    orgLevel2Code: p.orgLevel2Code,
    orgLevel3Code: null,
    orgLevel4Code: null,
    originalHireDate: p.originalHireDate,
    lastHireDate: p.originalHireDate,
    employeeStatusCode: p.employeeStatusCode,
    employeeTypeCode: 'REG',
    fullTimeOrPartTimeCode: p.fullTimeOrPartTimeCode,
    primaryWorkLocationCode: p.addressCity.slice(0, 3).toUpperCase(),
    supervisorID: p.supervisorID,
  };
}

export function orgLevel(o: OrgLevelFixture): Record<string, unknown> {
  return { ...o };
}

export function position(p: PositionFixture): Record<string, unknown> {
  return {
    ...p,
    organizationLevelCode3: null,
    organizationLevelCode4: null,
    statusAsOfDate: p.effectiveStartDate,
    effectiveStopDate: null,
    glSegment: null,
  };
}
