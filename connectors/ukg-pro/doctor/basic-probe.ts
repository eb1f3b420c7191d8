/**
 * The doctor's own look at a refused web service account: one GET of person details with the
 * connection's Basic credentials and customer key, to read what UKG said (its 401 bodies are
 * undocumented, §2.4) and to try the same credentials on the other environments the settings
 * file names. Only hosts that are UKG web-services hosts or loopback are tried.
 */
import { isUkgOrLoopbackHost } from '../ukg/hosts';
import { webServicesOrigin } from '../ukg/urls';
import { CUSTOMER_API_KEY_HEADER, UKG_PATHS } from '../ukg/web-services';

/** What one probe answered. */
export interface BasicProbeResult {
  status: number | 'transport';
  /** The problem document's detail (or title), when there is one. */
  detail?: string;
}

export interface BasicCredentials {
  username: string;
  password: string;
  customerApiKey: string;
}

export async function probeBasic(
  origin: string,
  credentials: BasicCredentials,
  timeoutMs: number,
): Promise<BasicProbeResult> {
  try {
    const response = await fetch(`${origin}${UKG_PATHS.personDetails}?per_Page=1`, {
      headers: {
        authorization: `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64')}`,
        [CUSTOMER_API_KEY_HEADER]: credentials.customerApiKey,
        accept: 'application/json',
      },
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let detail: string | undefined;
    try {
      const body = JSON.parse(text) as Record<string, unknown>;
      const d = body.detail ?? body.title ?? body.message;
      if (typeof d === 'string') detail = d.slice(0, 200);
    } catch {
      // not JSON
    }
    return { status: response.status, ...(detail === undefined ? {} : { detail }) };
  } catch {
    return { status: 'transport' };
  }
}

/** Origins of the other connections' web-services hosts that the doctor may try. */
export function otherOrigins(
  own: string,
  others: ReadonlyArray<{ name: string; values: Record<string, unknown> }>,
): Array<{ name: string; origin: string }> {
  const out: Array<{ name: string; origin: string }> = [];
  for (const other of others) {
    const base = other.values.base_url;
    if (typeof base !== 'string') continue;
    let origin: string;
    try {
      origin = webServicesOrigin(base);
    } catch {
      continue;
    }
    if (origin === own || !isUkgOrLoopbackHost(new URL(origin).hostname)) continue;
    if (!out.some((o) => o.origin === origin)) out.push({ name: other.name, origin });
  }
  return out;
}
