/** The small HTML login + consent page of the authorization endpoint, and its error page. */

/** Escapes text for HTML content and double-quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[<>&"']/g, (ch) =>
    ch === '<'
      ? '&lt;'
      : ch === '>'
        ? '&gt;'
        : ch === '&'
          ? '&amp;'
          : ch === '"'
            ? '&quot;'
            : '&#39;',
  );
}

const STYLE =
  'body{font-family:system-ui,sans-serif;background:#f4f6f8;margin:0}' +
  'main{max-width:26rem;margin:4rem auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002}' +
  'label{display:block;margin:.75rem 0 .25rem}input{width:100%;padding:.5rem;box-sizing:border-box}' +
  '.error{color:#b00020}.buttons{display:flex;gap:1rem;margin-top:1.5rem}button{flex:1;padding:.6rem}';

function page(title: string, body: string): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
    `<style>${STYLE}</style></head><body><main>${body}</main></body></html>`
  );
}

/** What the consent page shows and posts back. */
export interface LoginPageModel {
  tenant: string;
  clientName: string;
  functionalAreas: readonly string[];
  /** Authorization request parameters, carried in hidden fields. */
  params: Readonly<Record<string, string>>;
  username?: string;
  error?: string;
}

/** The login form with the client's name and functional areas and Allow/Deny buttons. */
export function renderLoginPage(model: LoginPageModel): string {
  const hidden = Object.entries(model.params)
    .map(
      ([name, value]) =>
        `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
    )
    .join('');
  const areas = model.functionalAreas.map((area) => `<li>${escapeHtml(area)}</li>`).join('');
  const error =
    model.error === undefined ? '' : `<p class="error" role="alert">${escapeHtml(model.error)}</p>`;
  return page(
    `Sign in to ${model.tenant}`,
    `<h1>Workday sandbox: ${escapeHtml(model.tenant)}</h1>` +
      `<p><strong>${escapeHtml(model.clientName)}</strong> requests access to:</p><ul>${areas}</ul>${error}` +
      `<form method="post" action="/${encodeURIComponent(model.tenant)}/authorize">${hidden}` +
      `<label for="username">Username</label>` +
      `<input id="username" name="username" autocomplete="username" value="${escapeHtml(model.username ?? '')}">` +
      `<label for="password">Password</label>` +
      `<input id="password" name="password" type="password" autocomplete="current-password">` +
      `<div class="buttons"><button type="submit" name="decision" value="allow">Allow</button>` +
      `<button type="submit" name="decision" value="deny">Deny</button></div></form>`,
  );
}

/** An error page: the request cannot be answered with a redirect. */
export function renderErrorPage(message: string): string {
  return page(
    'Authorization error',
    `<h1>Authorization error</h1><p class="error">${escapeHtml(message)}</p>`,
  );
}
