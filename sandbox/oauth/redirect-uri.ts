const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]']);

/**
 * Whether `candidate` is one of the client's registered redirect URIs. A loopback IP redirect
 * URI matches on any port (RFC 8252 §7.3: native apps bind an ephemeral port).
 */
export function isRegisteredRedirectUri(registered: readonly string[], candidate: string): boolean {
  if (registered.includes(candidate)) return true;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) return false;
  return registered.some((entry) => {
    const known = new URL(entry);
    return (
      known.protocol === url.protocol &&
      known.hostname === url.hostname &&
      known.pathname === url.pathname &&
      known.search === url.search &&
      url.hash === ''
    );
  });
}
