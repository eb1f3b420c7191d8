/**
 * Things the user's forum thread (seed 002) told them to send that UKG Pro does not have
 * (reference/other-systems.md §4). The connector refuses them where a user could type them, and
 * `doctor` says plainly that they do not exist and what does.
 */

/** A header, parameter or path from the thread, and what is true instead. */
export interface SeedClaim {
  /** What the thread said, as the user would type it. */
  claim: string;
  kind: 'header' | 'token parameter' | 'path';
  /** One sentence: what UKG Pro has instead. */
  instead: string;
}

export const SEED_CLAIMS: readonly SeedClaim[] = [
  {
    claim: 'X-Tenant-ID',
    kind: 'header',
    instead:
      'UKG Pro has no X-Tenant-ID header: with a web service account the host, the account and the US-Customer-Api-Key identify the customer; with a Developer Console client the organization (org_…) goes in the global-tenant-id header.',
  },
  {
    claim: 'tenant_context',
    kind: 'token parameter',
    instead:
      'UKG Pro token requests have no tenant_context parameter: a Developer Console token request names the organization and the audience; tokens for OAuth services carry the tenant name in the token URL path (/signin/oauth2/t/{tenant}/access_token).',
  },
  {
    claim: '/api/v1/workforce/planning/headcount',
    kind: 'path',
    instead:
      "UKG Pro's REST API has no workforce planning or headcount path: budgeted headcount (FTE) lives on org levels (/configuration/v1/org-levels) and positions (/configuration/v1/positions).",
  },
  {
    claim: '/api/v1/tenant/info',
    kind: 'path',
    instead:
      'UKG Pro has no tenant/info endpoint: the organization is shown in System Configuration > Security > Developer Console.',
  },
];

/** Headers the connector refuses to send: they do not exist, and sending them hides the real cause. */
export const NONEXISTENT_HEADERS: ReadonlySet<string> = new Set(
  SEED_CLAIMS.filter((c) => c.kind === 'header').map((c) => c.claim.toLowerCase()),
);

/** The claim about `name` (case-insensitive), if the thread made one. */
export function findSeedClaim(name: string): SeedClaim | undefined {
  const wanted = name.trim().toLowerCase();
  return SEED_CLAIMS.find((c) => c.claim.toLowerCase() === wanted);
}
