/**
 * The shapes of the UKG Pro records the actions read (§2.3). Casing differs between endpoints:
 * person-details spells `employeeId`/`companyId`, employment-details spells `employeeID`/
 * `companyID`. These schemas keep UKG's own keys, so a recipe builder sees what UKG's docs show,
 * and accept (and keep) keys they do not list: UKG adds fields between releases.
 */
import { z } from 'zod';
import { ConnectorError } from '../../../sdk/errors';

const text = z.string().nullable().optional();
const flag = z.boolean().nullable().optional();
const amount = z.number().nullable().optional();

/** One entry of `/personnel/v1/person-details` (camel-case `Id`). */
export const personDetailsSchema = z.looseObject({
  employeeId: z.string(),
  companyId: z.string(),
  personId: text,
  userName: text,
  firstName: text,
  lastName: text,
  preferredName: text,
  emailAddress: text,
  homePhone: text,
  addressCity: text,
  addressState: text,
  addressCountry: text,
});
export type PersonDetails = z.output<typeof personDetailsSchema>;

/** One entry of `.../employment-details` (capital `ID`). */
export const employmentDetailsSchema = z.looseObject({
  employeeID: z.string(),
  companyID: z.string(),
  companyCode: text,
  employeeNumber: text,
  jobTitle: text,
  primaryJobCode: text,
  orgLevel1Code: text,
  orgLevel2Code: text,
  orgLevel3Code: text,
  orgLevel4Code: text,
  originalHireDate: text,
  lastHireDate: text,
  employeeStatusCode: text,
  employeeTypeCode: text,
  fullTimeOrPartTimeCode: text,
  primaryWorkLocationCode: text,
  supervisorID: text,
});
export type EmploymentDetails = z.output<typeof employmentDetailsSchema>;

/** One entry of `/configuration/v1/org-levels`: where budgeted headcount (FTE) lives. */
export const orgLevelSchema = z.looseObject({
  level: z.number(),
  code: z.string(),
  description: text,
  levelDescription: text,
  budgetGroup: text,
  currentYearBudgetFTE: amount,
  currentYearBudgetSalary: amount,
  lastYearBudgetFTE: amount,
  lastYearBudgetSalary: amount,
  glSegment: text,
  reportingCategory: text,
  isActive: flag,
});
export type OrgLevel = z.output<typeof orgLevelSchema>;

/** One entry of `/configuration/v1/positions`. */
export const positionSchema = z.looseObject({
  positionCode: z.string(),
  jobcode: text,
  companyId: text,
  organizationLevelCode1: text,
  organizationLevelCode2: text,
  organizationLevelCode3: text,
  organizationLevelCode4: text,
  locationCode: text,
  statusCode: text,
  statusAsOfDate: text,
  effectiveStartDate: text,
  effectiveStopDate: text,
  isApproved: flag,
  overstaffingAllowed: flag,
  glSegment: text,
});
export type Position = z.output<typeof positionSchema>;

/**
 * Checks an array answer item by item, naming the first item that does not fit, so a changed
 * API says where instead of passing half-read data on.
 */
export function parseRecords<T>(schema: z.ZodType<T>, value: unknown, where: string): T[] {
  if (!Array.isArray(value)) {
    throw new ConnectorError(
      'unexpected_response',
      `UKG Pro ${where} answered ${value === null ? 'null' : typeof value}, not a JSON array.`,
    );
  }
  return value.map((item, index) => {
    const result = schema.safeParse(item);
    if (!result.success) {
      const issue = result.error.issues[0];
      const path = [index, ...(issue?.path ?? [])].join('.');
      throw new ConnectorError(
        'unexpected_response',
        `UKG Pro ${where} item ${path} has an unexpected shape: ${issue?.message ?? 'invalid'}.`,
      );
    }
    return result.data;
  });
}
