/** Realistic records for `sample_output` (values invented, keys as UKG's docs show them). */
import type { EmploymentDetails, OrgLevel, PersonDetails, Position } from './records';

export const SAMPLE_PERSON: PersonDetails = {
  employeeId: 'A0002',
  companyId: 'J9A6Y',
  personId: '7f3c0002-0b1e-4c1a-9d2e-j9a6y0002000',
  userName: 'ben.okafor',
  firstName: 'Ben',
  lastName: 'Okafor',
  preferredName: null,
  emailAddress: 'ben.okafor1@acme.example',
  homePhone: null,
  addressCity: 'Atlanta',
  addressState: 'GA',
  addressCountry: 'USA',
};

export const SAMPLE_EMPLOYMENT: EmploymentDetails = {
  employeeID: 'A0002',
  companyID: 'J9A6Y',
  companyCode: 'ACME',
  employeeNumber: '100001',
  jobTitle: 'Engineer',
  primaryJobCode: 'ENG2',
  orgLevel1Code: 'WEST',
  orgLevel2Code: 'RND',
  orgLevel3Code: null,
  orgLevel4Code: null,
  originalHireDate: '2011-02-15T00:00:00',
  lastHireDate: '2011-02-15T00:00:00',
  employeeStatusCode: 'A',
  employeeTypeCode: 'REG',
  fullTimeOrPartTimeCode: 'F',
  primaryWorkLocationCode: 'ATL',
  supervisorID: 'A0001',
};

export const SAMPLE_ORG_LEVEL: OrgLevel = {
  level: 1,
  code: 'EAST',
  description: 'East region',
  levelDescription: 'Region',
  budgetGroup: 'OPS',
  currentYearBudgetFTE: 42.5,
  currentYearBudgetSalary: 4150000,
  lastYearBudgetFTE: 40,
  lastYearBudgetSalary: 3900000,
  glSegment: '100',
  reportingCategory: 'REG',
  isActive: true,
};

export const SAMPLE_POSITION: Position = {
  positionCode: 'P00001',
  jobcode: 'PAYAN',
  companyId: 'J9A6Y',
  organizationLevelCode1: 'EAST',
  organizationLevelCode2: 'FIN',
  organizationLevelCode3: null,
  organizationLevelCode4: null,
  locationCode: 'MIA',
  statusCode: 'A',
  statusAsOfDate: '2024-01-01T00:00:00',
  effectiveStartDate: '2024-01-01T00:00:00',
  effectiveStopDate: null,
  isApproved: true,
  overstaffingAllowed: true,
  glSegment: null,
};
