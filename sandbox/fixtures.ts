/**
 * The sandbox's seed data: `fixtures/sandbox/*.json`, checked field by field once at load so the
 * store can trust it. JSON imports make `tsc` copy the files next to the compiled sandbox.
 */
import { z } from 'zod';
import acmeEmea from '../fixtures/sandbox/acme-emea.json';
import acmeUs from '../fixtures/sandbox/acme-us.json';
import connections from '../fixtures/sandbox/connections.json';
import { INBOX_STEP_TYPES, INBOX_TASK_STATUSES } from './types';

const wid = z.string().regex(/^[0-9a-f]{32}$/);

const apiClientSchema = z.strictObject({
  client_id: z.string().min(1),
  client_name: z.string(),
  kind: z.enum(['integrations', 'user']),
  functional_areas: z.array(z.string()),
  grant_types: z.array(z.enum(['authorization_code', 'refresh_token', 'client_credentials'])),
  redirect_uris: z.array(z.string()),
  allow_client_credentials: z.boolean(),
  /** The ISU an integrations client's refresh token (and client credentials) act as. */
  isu: z.string().optional(),
});

const userSchema = z.strictObject({
  username: z.string(),
  kind: z.enum(['person', 'isu']),
  /** Consent-page password of a demo person; ISUs have no login (null). */
  password: z.string().nullable(),
  workerId: wid,
});

const workerSchema = z.strictObject({
  id: wid,
  workerId: z.string(),
  descriptor: z.string(),
  primaryWorkEmail: z.string().optional(),
  businessTitle: z.string(),
  isManager: z.boolean(),
  primarySupervisoryOrganization: wid,
  /** Guess: ISUs get worker records so `workers/me` works for them; they are left out of lists. */
  integrationSystemUser: z.boolean().optional(),
});

const inboxTaskSchema = z.strictObject({
  id: wid,
  assignee: z.string(),
  descriptor: z.string(),
  stepType: z.enum(INBOX_STEP_TYPES),
  status: z.enum(INBOX_TASK_STATUSES),
  process: z.string(),
  processId: wid,
  subject: wid,
  initiator: wid,
  /** Relative to server start, so "assigned in the last 24 h" filters always find some. */
  assignedMinutesAgo: z.number().nonnegative(),
  dueInDays: z.number().int(),
});

const tenantSchema = z.strictObject({
  tenant: z.string(),
  name: z.string(),
  apiClients: z.array(apiClientSchema),
  users: z.array(userSchema),
  supervisoryOrganizations: z.array(z.strictObject({ id: wid, descriptor: z.string() })),
  workers: z.array(workerSchema),
  inboxTasks: z.array(inboxTaskSchema),
  companies: z.array(
    z.strictObject({ id: z.string(), wid, name: z.string(), currency: z.string() }),
  ),
  currencies: z.array(
    z.strictObject({
      code: z.string(),
      wid,
      name: z.string(),
      minorDigits: z.number().int().min(0).max(4),
    }),
  ),
  ledgerTypes: z.array(z.string()),
  accountSets: z.array(
    z.strictObject({
      id: z.string(),
      wid,
      name: z.string(),
      accounts: z.array(
        z.strictObject({
          id: z.string(),
          wid,
          name: z.string(),
          type: z.string(),
          retired: z.boolean(),
        }),
      ),
    }),
  ),
  journalSources: z.array(z.strictObject({ id: z.string(), wid, name: z.string() })),
  costCenters: z.array(z.strictObject({ id: z.string(), wid, name: z.string() })),
});

const connectionSchema = z.strictObject({
  /** The tenant whose endpoints the connection names. */
  tenant: z.string(),
  /** The tenant where the client is registered (differs for `us_client_at_emea`). */
  clientTenant: z.string(),
  clientId: z.string(),
  isu: z.string().optional(),
  redirectUri: z.string().optional(),
});

/** An API client registration (RFC 7591-style snake_case, as Workday's "View API Client" lists it). */
export type ApiClientFixture = z.infer<typeof apiClientSchema>;
/** A login of a tenant. */
export type UserFixture = z.infer<typeof userSchema>;
/** A worker record. */
export type WorkerFixture = z.infer<typeof workerSchema>;
/** A seeded inbox task. */
export type InboxTaskFixture = z.infer<typeof inboxTaskSchema>;
/** All seed data of one tenant. */
export type TenantFixture = z.infer<typeof tenantSchema>;
/** One named connection of the settings file, before secrets and the port are known. */
export type ConnectionFixture = z.infer<typeof connectionSchema>;

/** The tenants' seed data, validated. */
export const TENANT_FIXTURES: readonly TenantFixture[] = [
  tenantSchema.parse(acmeUs),
  tenantSchema.parse(acmeEmea),
];

/** The named connections of the settings file, validated. */
export const CONNECTION_FIXTURES: Readonly<Record<string, ConnectionFixture>> = z
  .record(z.string(), connectionSchema)
  .parse(connections);
