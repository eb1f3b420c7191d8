/* global process, URL */
// A certified OAuth 2.0 / OpenID Connect server (`oidc-provider`) on 127.0.0.1:0, run in its own
// Node process: the package is ESM-only and jest's CommonJS sandbox cannot import it. The parent
// (test/helpers/oidc-provider.ts) sends the clients as one JSON line on stdin (secrets generated
// at run time, never committed) and reads `{"issuer": "..."}` from stdout once it listens.
//
// Interactions (login and consent) are finished without a page: GET /interaction/:uid signs in
// the configured account and grants what was asked, or declines when `?deny=1` is given. The
// test drives the redirects itself, the way a browser would, with a cookie jar.
import * as http from 'node:http';
import { createInterface } from 'node:readline';
import Provider from 'oidc-provider';

async function readConfig() {
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return JSON.parse(line);
  }
  throw new Error('No configuration on stdin.');
}

async function finishInteraction(provider, req, res, accountId) {
  const details = await provider.interactionDetails(req, res);
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.searchParams.get('deny') === '1') {
    await provider.interactionFinished(req, res, {
      error: 'access_denied',
      error_description: 'The resource owner declined.',
    });
    return;
  }
  if (details.prompt.name === 'login') {
    await provider.interactionFinished(req, res, { login: { accountId } });
    return;
  }
  const grant =
    details.grantId === undefined
      ? new provider.Grant({
          accountId: details.session.accountId,
          clientId: details.params.client_id,
        })
      : await provider.Grant.find(details.grantId);
  const missing = details.prompt.details;
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {}))
    grant.addResourceScope(indicator, scopes.join(' '));
  const grantId = await grant.save();
  await provider.interactionFinished(
    req,
    res,
    { consent: { grantId } },
    { mergeWithLastSubmission: true },
  );
}

async function main() {
  const config = await readConfig();
  const server = http.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: config.clients,
    cookies: { keys: [config.cookieKey] },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
    },
    // PKCE on every authorization-code request, confidential clients included (RFC 9700 §2.1.1).
    pkce: { required: () => true },
    // Refresh tokens for every client allowed the grant, without the offline_access dance.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub }) }),
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: { AccessToken: 600, AuthorizationCode: 60, RefreshToken: 3600, Interaction: 600 },
  });
  const callback = provider.callback();
  server.on('request', (req, res) => {
    if ((req.url ?? '').startsWith('/interaction/')) {
      finishInteraction(provider, req, res, config.accountId).catch((error) => {
        res.statusCode = 500;
        res.end(String(error && error.message));
      });
      return;
    }
    callback(req, res);
  });
  process.stdout.write(`${JSON.stringify({ issuer })}\n`);
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  // The parent holds stdin open; when it goes away (even killed), stdin ends and so do we.
  process.stdin.on('end', stop);
  process.stdin.resume();
}

main().catch((error) => {
  process.stderr.write(`oidc-provider-server: ${error && error.stack}\n`);
  process.exit(1);
});
