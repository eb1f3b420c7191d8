/** The small HTML pages the local callback server answers the browser with. */

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A complete page with a title and one paragraph; both are escaped. */
export function renderPage(title: string, message: string): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#222}</style>',
    '</head><body>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(message)}</p>`,
    '</body></html>',
    '',
  ].join('\n');
}

/** Shown after the code was exchanged and the tokens saved. */
export const CONNECTED_PAGE = renderPage(
  'Connected',
  'The connector is connected to Workday. You can close this window and return to the terminal.',
);
