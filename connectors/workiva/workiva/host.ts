/**
 * The API host of a connection: the region's, or an override (https, or http on loopback for
 * the simulator). An override that is another region's Workiva host is refused: a grant lives
 * in one region, and a token from one region's endpoint is not valid on another's (§3.1).
 */
import { ConnectorError } from '../../../sdk/errors';
import { REGION_HOSTS } from './api';
import type { WorkivaConnection } from './connection-fields';

function isLoopback(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

function invalid(message: string): ConnectorError {
  return new ConnectorError('invalid_settings', message, {
    details: { issues: [{ path: 'base_url', message }] },
  });
}

/** The origin every request (token endpoint included) goes to. */
export function apiOrigin(connection: Pick<WorkivaConnection, 'region' | 'base_url'>): string {
  if (connection.base_url === undefined) return REGION_HOSTS[connection.region];
  let url: URL;
  try {
    url = new URL(connection.base_url);
  } catch {
    throw invalid(`"base_url" is not a URL: expected e.g. ${REGION_HOSTS.us}.`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw invalid('"base_url" must be https (plain http only for loopback, i.e. the simulator).');
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw invalid('"base_url" must not carry credentials, a query or a fragment.');
  }
  for (const [region, host] of Object.entries(REGION_HOSTS)) {
    if (url.origin === host && region !== connection.region) {
      throw invalid(
        `"base_url" is the ${region} host but "region" is ${connection.region}: a grant belongs to one region; set region to ${region} or remove base_url.`,
      );
    }
  }
  return url.origin;
}
