/**
 * `X-Version` routing (§3.1): `2022-01-01` (the default when the header is absent) serves the
 * `/platform/v1` paths, `2026-01-01` the unprefixed ones. A path of the other version answers
 * 404 (the docs only say it "may return unexpected results"; 404 is our choice).
 */
import { PlatformError } from './errors';

export const VERSIONS = ['2022-01-01', '2026-01-01'] as const;
export type ApiVersion = (typeof VERSIONS)[number];
export const DEFAULT_VERSION: ApiVersion = '2022-01-01';

/** The path prefix of each version. */
export const PREFIX: Record<ApiVersion, string> = {
  '2022-01-01': '/platform/v1',
  '2026-01-01': '',
};

export function requestedVersion(header: string | string[] | undefined): ApiVersion {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return DEFAULT_VERSION;
  const found = VERSIONS.find((v) => v === value.trim());
  if (found === undefined) {
    throw new PlatformError(
      400,
      '400BadRequest',
      `Unsupported X-Version '${value}'. Supported: ${VERSIONS.join(', ')}.`,
    );
  }
  return found;
}
