'use strict';
// Copies zapier-platform-core and its dependency closure, as the lockfile resolves it, from
// DIR/node_modules to DIR/app-node-modules/node_modules: what a generated Zapier app needs at run
// time and nothing of the CLI, so `zapier-platform build --skip-npm-install` zips a real tree
// without reaching the registry.
const fs = require('node:fs');
const path = require('node:path');

const dir = process.argv[2];
const packages = JSON.parse(fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf8')).packages;

// Node's resolution over the lockfile's paths: the nearest node_modules up from `from`.
function resolve(from, name) {
  let base = from;
  for (;;) {
    const candidate = `${base === '' ? '' : `${base}/`}node_modules/${name}`;
    if (packages[candidate] !== undefined) return candidate;
    if (base === '') return undefined;
    const at = base.lastIndexOf('/node_modules/');
    base = at < 0 ? '' : base.slice(0, at);
  }
}

const seen = new Set();
const queue = ['node_modules/zapier-platform-core'];
while (queue.length > 0) {
  const location = queue.pop();
  if (seen.has(location)) continue;
  seen.add(location);
  const entry = packages[location];
  for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
    const found = resolve(location, name);
    if (found !== undefined) queue.push(found);
  }
}
const target = path.join(dir, 'app-node-modules');
for (const location of seen) {
  // Nested copies are copied with their parent's tree below; copy each package's own files only.
  const from = path.join(dir, location);
  const to = path.join(target, location);
  fs.mkdirSync(to, { recursive: true });
  for (const item of fs.readdirSync(from)) {
    if (item === 'node_modules') continue;
    fs.cpSync(path.join(from, item), path.join(to, item), { recursive: true });
  }
}
process.stdout.write(`${seen.size} packages in ${target}\n`);
