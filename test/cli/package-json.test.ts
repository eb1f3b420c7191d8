import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { findPackageRoot } from '../../cli/build/package-root';
import { findInOwnPackageJson } from '../../cli/package-json';
import { readPackageVersion } from '../../cli/version';

let root: string;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'cli-package-json-'));
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

async function writePackage(dir: string, json: unknown): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, 'package.json'), JSON.stringify(json));
}

describe('findInOwnPackageJson()', () => {
  it('passes over other packages, unreadable files and rejected matches on the way up', async () => {
    const outer = path.join(root, 'outer');
    const middle = path.join(outer, 'middle');
    const inner = path.join(middle, 'inner');
    const start = path.join(inner, 'cli');
    await writePackage(outer, { name: 'workday-rest-connector', version: '2.0.0' });
    await writePackage(middle, { name: 'workday-rest-connector' });
    await writePackage(inner, { name: 'someone-else', version: '9.9.9' });
    await fs.mkdir(start, { recursive: true });
    await fs.writeFile(path.join(start, 'package.json'), '{ not json');
    const seen: string[] = [];
    const found = findInOwnPackageJson(start, (dir, pkg) => {
      seen.push(dir);
      return typeof pkg.version === 'string' ? `${dir}@${pkg.version}` : undefined;
    });
    expect(found).toBe(`${outer}@2.0.0`);
    expect(seen).toEqual([middle, outer]);
  });

  it('gives undefined when no directory up to the root qualifies', () => {
    expect(findInOwnPackageJson(root, () => 'never asked')).toBeUndefined();
  });
});

describe('readPackageVersion() and findPackageRoot()', () => {
  it('read this package from the sources', async () => {
    const pkg = JSON.parse(
      await fs.readFile(path.join(__dirname, '..', '..', 'package.json'), 'utf8'),
    ) as { version: string };
    expect(readPackageVersion()).toBe(pkg.version);
    expect(findPackageRoot()).toBe(path.resolve(__dirname, '..', '..'));
  });

  it('fall back when started outside the package', () => {
    expect(readPackageVersion(root)).toBe('0.0.0-unknown');
    expect(findPackageRoot(path.join(root, 'a', 'b'))).toBe(root);
  });
});
