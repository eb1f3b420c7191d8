import type { Worker } from './schemas';

/** A realistic worker, Workday-shaped (common v1 `workers/{id}`). */
export const SAMPLE_WORKER: Worker = {
  id: '1098bc33a7485eb30301db1e72cf738b',
  descriptor: 'Logan McNeil',
  href: 'https://wd2-impl-services1.workday.com/ccx/api/v1/acme/workers/1098bc33a7485eb30301db1e72cf738b',
  primaryWorkEmail: 'logan.mcneil@acme.example.com',
  businessTitle: 'Controller',
  isManager: true,
  primarySupervisoryOrganization: {
    id: '5949a3b3ba0376a203cc8acb79ea376a',
    descriptor: 'Finance - USA Group',
    href: 'https://wd2-impl-services1.workday.com/ccx/api/v1/acme/supervisoryOrganizations/5949a3b3ba0376a203cc8acb79ea376a',
  },
};
