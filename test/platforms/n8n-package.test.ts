import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildN8nPackage } from '../../platforms/n8n';
import { ROOT } from '../helpers/build-dist';

/** n8n's loader: `new (require(file)[ClassName])()`. */
function loadLikeN8n(file: string): Record<string, unknown> {
  const className = path.basename(file).split('.')[0] ?? '';
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- exactly what n8n does
  const exported = (require(file) as Record<string, new () => Record<string, unknown>>)[className];
  if (exported === undefined) throw new Error(`${file} does not export ${className}`);
  return new exported();
}

describe('connector build --target n8n (package shape)', () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), 'n8n-package-'));
  });
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('writes a community node package n8n can load, and its npm tarball', async () => {
    const result = await buildN8nPackage({
      entry: 'test/platforms/fixtures/shop-connector.ts',
      outDir: out,
      cwd: ROOT,
      sourceRoot: ROOT,
    });
    expect(result.packageName).toBe('n8n-nodes-shop');
    expect(existsSync(result.tarball)).toBe(true);
    expect(path.basename(result.tarball)).toBe('n8n-nodes-shop-1.2.3.tgz');
    const pkg = JSON.parse(readFileSync(path.join(result.packageDir, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({
      version: '1.2.3',
      keywords: ['n8n-community-node-package'],
      n8n: {
        n8nNodesApiVersion: 1,
        nodes: ['dist/nodes/Shop/Shop.node.js', 'dist/nodes/Shop/ShopTrigger.node.js'],
        credentials: [
          'dist/credentials/ShopServiceApi.credentials.js',
          'dist/credentials/ShopPersonOAuth2Api.credentials.js',
        ],
      },
      peerDependencies: { 'n8n-workflow': '*' },
    });
    expect(pkg.dependencies).toBeUndefined();
    for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials])
      expect(existsSync(path.join(result.packageDir, file))).toBe(true);
    expect(existsSync(path.join(result.packageDir, 'dist', 'nodes', 'Shop', 'shop.svg'))).toBe(
      true,
    );
    expect(result.nodeTypes).toEqual(['n8n-nodes-shop.shop', 'n8n-nodes-shop.shopTrigger']);
    expect(result.credentialTypes).toEqual(['shopServiceApi', 'shopPersonOAuth2Api']);
    const node = loadLikeN8n(path.join(result.packageDir, pkg.n8n.nodes[0]));
    expect(node).toMatchObject({ description: { name: 'shop' }, execute: expect.any(Function) });
    expect(Object.keys((node.methods as { loadOptions: object }).loadOptions)).toEqual([
      'customers',
    ]);
    const credential = loadLikeN8n(path.join(result.packageDir, pkg.n8n.credentials[0]));
    expect(credential).toMatchObject({
      name: 'shopServiceApi',
      preAuthentication: expect.any(Function),
    });
  }, 120_000);
});
