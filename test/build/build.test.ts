import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { checkJsonSchema } from '../../cli/build/json-schema-check';
import { build } from '../../cli/commands/build';
import { createRedactor } from '../../sdk/redact';
import connector from '../../connector';
import type { CommandContext } from '../../cli/command';
import type { Manifest } from '../../cli/build/manifest-types';

const ROOT = path.resolve(__dirname, '..', '..');

function contextFor(cwd: string): CommandContext & { logged: string[] } {
  const logged: string[] = [];
  return { cwd, env: {}, redactor: createRedactor(), log: (line) => logged.push(line), logged };
}

describe('connector build (the Workday connector)', () => {
  let outDir: string;
  let result: Awaited<ReturnType<typeof build>>;
  let manifest: Manifest;

  beforeAll(async () => {
    outDir = await mkdtemp(path.join(os.tmpdir(), 'connector-build-test-'));
    result = await build({ out: outDir }, contextFor(ROOT));
    manifest = JSON.parse(await readFile(path.join(outDir, 'manifest.json'), 'utf8')) as Manifest;
  }, 60_000);

  afterAll(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  it('exits 0 with a summary of files, counts and self-test results', () => {
    expect(result.stderr).toBeUndefined();
    expect(result.exitCode).toBe(0);
    const out = result.stdout ?? '';
    expect(out).toMatch(/wrote +\S*connector\.js +[\d.]+ (kB|MB)/);
    expect(out).toMatch(/wrote +\S*manifest\.json/);
    expect(out).toContain('✓ sample outputs');
    expect(out).toContain(
      '✓ self-test load    loads in a fresh node process with no node_modules reachable',
    );
    expect(out).toContain("✓ self-test keys    exposes the manifest's");
    expect(out).toContain("✓ self-test test    test lambda for 'us' passed:");
    expect(out).toMatch(/build ok/);
  });

  it('lists exactly the actions, triggers and pick lists of connector.ts', () => {
    expect(manifest.title).toBe(connector.title);
    expect(manifest.version).toBe(connector.version);
    expect(manifest.actions.map((a) => a.key)).toEqual(Object.keys(connector.actions));
    expect(manifest.triggers.map((t) => t.key)).toEqual(Object.keys(connector.triggers));
    expect(manifest.pick_lists).toEqual(Object.keys(connector.pick_lists));
  });

  it('gives every operation fields, schemas, scopes and a sample its schema accepts', () => {
    for (const op of [...manifest.actions, ...manifest.triggers]) {
      expect(op.title).not.toBe('');
      expect(op.description).not.toBe('');
      expect(op.output_fields.length).toBeGreaterThan(0);
      expect(checkJsonSchema(op.output_schema, op.sample_output)).toEqual([]);
    }
    const journal = manifest.actions.find((a) => a.key === 'post_journal_entry');
    expect(journal?.scopes).toEqual(['Common Financial Management']);
  });

  it('keeps the labels and hints set with .meta() (one zod copy in the bundle)', () => {
    const byName = Object.fromEntries(manifest.connection.fields.map((f) => [f.name, f]));
    // labelize() alone would give "Max concurrency" and no hint.
    expect(byName.max_concurrency?.label).toBe('Parallel requests');
    expect(byName.rest_api_endpoint?.hint).toEqual(expect.stringContaining('View API Clients'));
  });

  it('marks the connection secrets as password fields', () => {
    const byName = Object.fromEntries(manifest.connection.fields.map((f) => [f.name, f]));
    expect(byName.client_secret?.control_type).toBe('password');
    expect(byName.refresh_token?.control_type).toBe('password');
    expect(manifest.connection.authorization.type).toBe('multi');
  });

  it('fails with exit 1 naming the action and field of a broken sample output', async () => {
    const brokenOut = await mkdtemp(path.join(os.tmpdir(), 'connector-build-broken-'));
    try {
      const broken = await build(
        {
          out: brokenOut,
          entry: path.join('test', 'build', 'fixtures', 'broken-sample-connector.ts'),
          skipConnectionTest: true,
        },
        contextFor(ROOT),
      );
      expect(broken.exitCode).toBe(1);
      expect(broken.stdout).toBeUndefined();
      expect(broken.stderr).toContain("✗ actions.get_greeting field 'greeting'");
      expect(broken.stderr).toContain('build FAILED');
    } finally {
      await rm(brokenOut, { recursive: true, force: true });
    }
  });
});
