/** Drives the sandbox's login and consent page with plain HTTP, as a browser would. */

function unescapeHtml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Opens the authorize URL, posts the login form with `decision` and returns the 302's
 * `Location` (the redirect to the callback), without following it.
 */
export async function submitLogin(
  authorizeUrl: string,
  login: { username: string; password: string; decision: 'allow' | 'deny' },
): Promise<string> {
  const page = await fetch(authorizeUrl);
  if (page.status !== 200) throw new Error(`The authorize page answered ${page.status}.`);
  const html = await page.text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (action === undefined) throw new Error('The authorize page has no login form.');
  const form = new URLSearchParams();
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    form.set(unescapeHtml(match[1] ?? ''), unescapeHtml(match[2] ?? ''));
  }
  form.set('username', login.username);
  form.set('password', login.password);
  form.set('decision', login.decision);
  const posted = await fetch(new URL(unescapeHtml(action), authorizeUrl), {
    method: 'POST',
    body: form,
    redirect: 'manual',
  });
  const location = posted.headers.get('location');
  if (posted.status !== 302 || location === null) {
    throw new Error(`The login post answered ${posted.status} without a redirect.`);
  }
  return location;
}
