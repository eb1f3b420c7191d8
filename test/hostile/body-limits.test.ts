/**
 * Issue 15, class 3: answers are read within a size limit per response type, before and after
 * decompression, and an oversized answer is `unexpected_response` naming the limit (it used to
 * be read whole, decompressed without bound, and reported as a network failure).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import connector from '../../connector';
import { createHttpClient } from '../../sdk/http';
import type { ConnectorHttpClient, HttpClientOptions } from '../../sdk/http';
import { createRedactor } from '../../sdk/redact';
import { createSession } from '../../sdk/runtime';
import { caught } from '../helpers/caught';
import { CLI_MAIN, ensureDist } from '../helpers/ensure-dist';
import { startHostileServer } from '../helpers/hostile-server';
import type { HostileServer } from '../helpers/hostile-server';

let server: HostileServer;
const closers: Array<{ close(): void }> = [];

beforeEach(async () => {
  server = await startHostileServer();
});
afterEach(async () => {
  for (const c of closers.splice(0)) c.close();
  await server.close();
});

function client(options: Partial<HttpClientOptions> = {}): ConnectorHttpClient {
  const made = createHttpClient({
    baseUri: `${server.origin}/api`,
    redactor: createRedactor(),
    retry: { maxRetries: 0 },
    ...options,
  });
  closers.push(made);
  return made;
}

const SMALL = { json: 1024, text: 4096, token: 512 };

describe('size limits of API answers', () => {
  it.each([
    [
      'with a Content-Length',
      true,
      'declares 5000 bytes, more than the 1024-byte limit (maxResponseBytes.json)',
    ],
    [
      'streamed without one',
      false,
      'is larger than the 1024-byte limit (maxResponseBytes.json) as received',
    ],
  ])('refuses a JSON answer over maxResponseBytes.json %s', async (_name, declareLength, said) => {
    server.api({ kind: 'huge', bytes: 5000, declareLength });
    const error = await caught(client({ maxResponseBytes: SMALL }).get('workers'));
    expect(error).toMatchObject({
      code: 'unexpected_response',
      message: `The response to GET ${server.origin}/api/workers (status 200) ${said}.`,
      details: { limitBytes: 1024, status: 200 },
    });
  });

  it('refuses a gzip answer that is small on the wire but over the limit once decompressed', async () => {
    server.api({ kind: 'gzip', body: JSON.stringify({ pad: ' '.repeat(50_000) }) });
    const error = await caught(client({ maxResponseBytes: SMALL }).get('workers'));
    expect(error).toMatchObject({
      code: 'unexpected_response',
      message: `The response to GET ${server.origin}/api/workers (status 200) is larger than the 1024-byte limit (maxResponseBytes.json) once decompressed.`,
    });
  });

  it('decompresses a gzip answer within the limit', async () => {
    server.api({ kind: 'gzip', body: JSON.stringify({ ok: 'yes' }) });
    expect(await client({ maxResponseBytes: SMALL }).get('workers')).toEqual({ ok: 'yes' });
  });

  it('applies the text limit, not the JSON one, to a text (SOAP) answer', async () => {
    server.api({ kind: 'huge', bytes: 3000, declareLength: true, contentType: 'text/xml' });
    const response = await client({ maxResponseBytes: SMALL }).request<string>({
      method: 'POST',
      url: 'soap',
      body: '<x/>',
      responseType: 'text',
    });
    expect(response.data).toHaveLength(3000);
    server.api({ kind: 'huge', bytes: 5000, declareLength: false, contentType: 'text/xml' });
    await expect(
      client({ maxResponseBytes: SMALL }).request({
        method: 'POST',
        url: 'soap',
        body: '<x/>',
        responseType: 'text',
      }),
    ).rejects.toMatchObject({
      code: 'unexpected_response',
      message: expect.stringContaining('4096-byte limit (maxResponseBytes.text)'),
    });
  });

  it('lets one request raise its own limit for an answer large by nature', async () => {
    server.api({ kind: 'huge', bytes: 5000, declareLength: true, fill: ' ' });
    const response = await client({ maxResponseBytes: SMALL }).request({
      method: 'GET',
      url: 'workers',
      responseType: 'text',
      maxResponseBytes: 10_000,
    });
    expect(response.data).toHaveLength(5000);
  });

  it('does not retry an oversized answer', async () => {
    server.api({ kind: 'huge', bytes: 5000, declareLength: true });
    await expect(
      client({ maxResponseBytes: SMALL, retry: { maxRetries: 3 } }).get('workers'),
    ).rejects.toMatchObject({ code: 'unexpected_response' });
    expect(server.seen).toHaveLength(1);
  });

  it('refuses a content-encoding it cannot decode as unexpected_response', async () => {
    server.api({ kind: 'answer', body: 'xxxx', headers: { 'content-encoding': 'zstd-hostile' } });
    await expect(client().get('workers')).rejects.toMatchObject({
      code: 'unexpected_response',
      message: expect.stringContaining('uses the content-encoding "zstd-hostile"'),
    });
  });

  it('refuses corrupt gzip data as unexpected_response', async () => {
    server.api({
      kind: 'answer',
      body: 'not gzip at all',
      headers: { 'content-encoding': 'gzip' },
    });
    await expect(client().get('workers')).rejects.toMatchObject({
      code: 'unexpected_response',
      message: expect.stringContaining('could not be decompressed'),
    });
  });
});

describe('size limit of token answers', () => {
  it('refuses a token answer over maxResponseBytes.token, naming the limit', async () => {
    server.token({ kind: 'huge', bytes: 2000, declareLength: false });
    const session = createSession(connector, {
      connection: server.settings,
      http: { maxResponseBytes: SMALL },
    });
    closers.push(session);
    const error = await caught(session.test());
    expect(error).toMatchObject({
      code: 'unexpected_response',
      message: `The token endpoint's response to POST ${server.origin}/ccx/oauth2/acme_us/token (status 200) is larger than the 512-byte limit (maxResponseBytes.token) as received.`,
    });
    expect(server.seen).toEqual(['POST /ccx/oauth2/acme_us/token']);
  });
});

describe('a gzip bomb against the spawned CLI', () => {
  let dir: string;
  beforeAll(() => ensureDist(), 180_000);
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'gzip-bomb-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses 1.5 GB of decoded zeros (1.5 MB on the wire) within a bounded memory', async () => {
    server.api({ kind: 'gzip-bomb', decodedBytes: 1536 * 1024 * 1024 });
    const settings = path.join(dir, 'settings.json');
    writeFileSync(settings, JSON.stringify(server.settings), { mode: 0o600 });
    // Reports the child's peak resident set size (kB) where the test can read it.
    const rssFile = path.join(dir, 'rss');
    const preload = path.join(dir, 'rss.js');
    writeFileSync(
      preload,
      `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));\n`,
    );
    const child = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--require', preload, CLI_MAIN, 'exec', 'test', '--settings', settings],
        { cwd: dir, encoding: 'utf8', timeout: 120_000 },
        (error, _stdout, stderr) =>
          resolve({ code: error === null ? 0 : (error.code as number | null), stderr }),
      );
    });
    expect(child.stderr).toContain('error [unexpected_response]');
    expect(child.stderr).toContain(
      'is larger than the 16777216-byte limit (maxResponseBytes.json) once decompressed',
    );
    expect(child.code).toBe(4);
    const peakMegabytes = Number(readFileSync(rssFile, 'utf8')) / 1024;
    // A bare `connector exec` peaks near 100 MB; reading the bomb whole took over 3 GB.
    expect(peakMegabytes).toBeLessThan(400);
  }, 150_000);
});
