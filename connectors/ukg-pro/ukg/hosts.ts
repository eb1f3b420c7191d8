/**
 * What a UKG Pro web-services host says about its environment. The base URL is the domain of
 * the Web Services page URL and varies by data center and by test/production (§2.2):
 * `servicet.ultipro.com` is UKG's test host; `service{N}.ultipro.com`, `service{N}.ultipro.ca`
 * and `service{N}.ukgpro.com` are production hosts. Anything else (a proxy, loopback) is unknown.
 */

/** The environment a host belongs to, as far as its name tells. */
export type HostEnvironment = 'production' | 'test' | 'unknown';

const TEST_HOST = /^servicet\.(ultipro\.com|ultipro\.ca|ukgpro\.com)$/i;
const PRODUCTION_HOST = /^service\d+\.(ultipro\.com|ultipro\.ca|ukgpro\.com)$/i;
// Developer Console "Generate Token URL" hosts: staging/test ones carry those words (§2.1 b
// shows https://welcome-staging-test.ukg.dev).
const NON_PRODUCTION_TOKEN_HOST = /(staging|test|sandbox|\.ukg\.dev$)/i;

/** The environment of a web-services host name. */
export function webServicesEnvironment(hostname: string): HostEnvironment {
  if (TEST_HOST.test(hostname)) return 'test';
  if (PRODUCTION_HOST.test(hostname)) return 'production';
  return 'unknown';
}

/** The environment of a Developer Console token URL host name. */
export function tokenHostEnvironment(hostname: string): HostEnvironment {
  if (/^(127\.0\.0\.1|localhost|\[::1\])$/i.test(hostname)) return 'unknown';
  if (NON_PRODUCTION_TOKEN_HOST.test(hostname)) return 'test';
  if (/\.ukg\.net$/i.test(hostname)) return 'production';
  return 'unknown';
}

/** True for hosts whose credentials the doctor may try on another configured environment. */
export function isUkgOrLoopbackHost(hostname: string): boolean {
  return (
    /^(127\.0\.0\.1|localhost|\[::1\])$/i.test(hostname) ||
    /\.(ultipro\.com|ultipro\.ca|ukgpro\.com)$/i.test(hostname)
  );
}
