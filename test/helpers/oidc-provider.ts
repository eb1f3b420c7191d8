import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createInterface } from 'node:readline';

/** A client registration as oidc-provider takes it (RFC 7591 metadata names). */
export interface OidcClient {
  client_id: string;
  client_secret: string;
  token_endpoint_auth_method: 'client_secret_basic' | 'client_secret_post';
  grant_types: string[];
  redirect_uris: string[];
  response_types: string[];
}

/** A running oidc-provider in its own process. */
export interface OidcProvider {
  /** `http://127.0.0.1:PORT` */
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  /** Stops the provider process. */
  close(): Promise<void>;
}

const SCRIPT = path.join(__dirname, 'oidc-provider-server.mjs');
const START_TIMEOUT_MS = 15_000;

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * Starts `oidc-provider` (ESM-only, so in a child Node process) on 127.0.0.1:0 with `clients`;
 * interactions sign in `accountId` and grant what is asked (see oidc-provider-server.mjs). Reads
 * the endpoints from its discovery document rather than assuming its routes.
 */
export async function startOidcProvider(options: {
  clients: OidcClient[];
  accountId: string;
  cookieKey: string;
}): Promise<OidcProvider> {
  const child = spawn(process.execPath, [SCRIPT], {
    stdio: ['pipe', 'pipe', 'pipe'],
    // oidc-provider warns that Node 20 is not a supported version; its grants work regardless.
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  child.stdin?.write(`${JSON.stringify(options)}\n`);
  const issuer = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop(child);
      reject(new Error(`oidc-provider did not start within ${START_TIMEOUT_MS} ms: ${stderr}`));
    }, START_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`oidc-provider exited with code ${code}: ${stderr}`));
    });
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      clearTimeout(timer);
      lines.close();
      resolve((JSON.parse(line) as { issuer: string }).issuer);
    });
  });
  try {
    const response = await fetch(`${issuer}/.well-known/openid-configuration`);
    const discovery = (await response.json()) as {
      authorization_endpoint: string;
      token_endpoint: string;
    };
    return {
      issuer,
      authorizationEndpoint: discovery.authorization_endpoint,
      tokenEndpoint: discovery.token_endpoint,
      close: () => stop(child),
    };
  } catch (error) {
    await stop(child);
    throw error;
  }
}

/** Where the authorization server finally sent the browser: the redirect URI with its query. */
export interface AuthorizationRedirect {
  location: URL;
  /** Every URL visited, for diagnostics. */
  visited: string[];
}

/**
 * Follows an authorization request the way a browser does — redirects, cookies — until the
 * server redirects to `redirectUri` (not fetched). `deny` declines at the first interaction.
 */
export async function followAuthorization(
  url: string,
  redirectUri: string,
  options: { deny?: boolean } = {},
): Promise<AuthorizationRedirect> {
  const cookies = new Map<string, string>();
  const visited: string[] = [];
  let next = new URL(url);
  for (let hop = 0; hop < 12; hop += 1) {
    if (next.toString().startsWith(redirectUri)) return { location: next, visited };
    if (options.deny === true && next.pathname.startsWith('/interaction/'))
      next.searchParams.set('deny', '1');
    visited.push(next.toString());
    const response = await fetch(next, {
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const header of response.headers.getSetCookie()) {
      const pair = header.split(';')[0] ?? '';
      const eq = pair.indexOf('=');
      if (eq > 0) cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const location = response.headers.get('location');
    if (location === null) {
      const body = (await response.text()).slice(0, 300);
      throw new Error(`No redirect from ${next.pathname} (status ${response.status}): ${body}`);
    }
    await response.arrayBuffer().catch(() => undefined);
    next = new URL(location, next);
  }
  throw new Error(`Too many redirects: ${visited.join(' -> ')}`);
}
