import { ConnectorError } from '../../../sdk/errors';
import type { IonConnection } from './connection-fields';

/** What an `.ionapi` connection resolves to, checked before any call. */
export interface IonEndpoints {
  tenant: string;
  /** `{pu}{ot}` */
  tokenUrl: string;
  /** `{pu}{or}` */
  revokeUrl: string;
  /** `{iu}/{ti}/`: API suite contexts (`M3/...`, `CSI/...`) are relative to it. */
  gatewayBase: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function parseUrl(value: string, field: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConnectorError(
      'invalid_settings',
      `"${field}" is not a URL: expected e.g. https://mingle-sso.inforcloudsuite.com:443/TENANT/as/.`,
      {
        details: { field, issues: [{ path: field, message: 'expected an absolute https URL' }] },
      },
    );
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname)))
    throw new ConnectorError(
      'invalid_settings',
      `"${field}" must use https (http only on loopback): ${url.origin}.`,
      {
        details: { field, issues: [{ path: field, message: 'expected https' }] },
      },
    );
  return url;
}

/** The tenant a value names by its prefix (`TENANT~id`, `TENANT#key`), if it has one. */
function prefixTenant(value: string | undefined, separator: string): string | undefined {
  if (value === undefined) return undefined;
  const at = value.indexOf(separator);
  return at > 0 ? value.slice(0, at) : undefined;
}

/**
 * Derives the token, revocation and gateway URLs and checks that every key names the same
 * tenant: `ti`, the tenant segment of `pu` (`…/{TENANT}/as/`), the `ci` prefix (`TENANT~`) and
 * the `saak` prefix (`TENANT#`). Test and production are separate tenants (other-systems.md
 * §1.5), so a mix is the drift of seed 001, refused here with the fields named.
 *
 * @throws ConnectorError `invalid_settings` (URL shape), `tenant_mismatch` (keys of two tenants).
 */
export function parseIonEndpoints(connection: IonConnection): IonEndpoints {
  const pu = parseUrl(connection.pu, 'pu');
  parseUrl(connection.iu, 'iu');
  const segments = pu.pathname.split('/').filter((s) => s !== '');
  const asAt = segments.lastIndexOf('as');
  const puTenant = asAt > 0 ? segments[asAt - 1] : undefined;
  const tenant = connection.ti;
  const named: Array<[string, string | undefined]> = [
    ['pu', puTenant],
    ['ci', prefixTenant(connection.ci, '~')],
    ['saak', prefixTenant(connection.saak, '#')],
  ];
  for (const [field, other] of named) {
    if (other === undefined || other === tenant) continue;
    const what =
      field === 'saak'
        ? `The service account keys (saak) belong to tenant ${other}, but this connection is for tenant ${tenant} (ti)`
        : field === 'ci'
          ? `The client id (ci) belongs to tenant ${other}, but this connection is for tenant ${tenant} (ti)`
          : `The authorization server URL (pu) is tenant ${other}'s, but this connection is for tenant ${tenant} (ti)`;
    throw new ConnectorError('tenant_mismatch', `${what}.`, {
      hint:
        `Use the .ionapi file of tenant ${tenant} as downloaded, whole: each tenant (TST, PRD) has its own ` +
        'authorized app, client id, service accounts and authorization server path.',
      details: { field, tenants: [tenant, other] },
    });
  }
  const base = pu.href.endsWith('/') ? pu.href : `${pu.href}/`;
  const gateway = connection.iu.replace(/\/+$/, '');
  return {
    tenant,
    tokenUrl: new URL(connection.ot, base).href,
    revokeUrl: new URL(connection.or, base).href,
    gatewayBase: `${gateway}/${encodeURIComponent(tenant)}/`,
  };
}
