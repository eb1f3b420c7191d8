/**
 * One harmless read per web service, so `doctor` can prove each permission and name the one
 * that is missing: UKG's 403 does not say which web service it refused (§2.4).
 */
import { defineProbe } from './definers';
import { describePermission, PERMISSIONS, UKG_PATHS } from './web-services';

export const personnelProbe = defineProbe({
  name: `GET ${UKG_PATHS.personDetails}`,
  scope: describePermission(PERMISSIONS.personDetails),
  run: ({ http }) => http.get(UKG_PATHS.personDetails, { per_Page: 1 }),
});

export const employmentProbe = defineProbe({
  name: `GET ${UKG_PATHS.employmentDetails}`,
  scope: describePermission(PERMISSIONS.employmentDetails),
  run: ({ http }) => http.get(UKG_PATHS.employmentDetails, { per_Page: 1 }),
});

export const companyConfigurationProbe = defineProbe({
  name: `GET ${UKG_PATHS.positions}`,
  scope: describePermission(PERMISSIONS.companyConfiguration),
  run: ({ http }) => http.get(UKG_PATHS.positions, { per_Page: 1 }),
});
