// The control endpoints `sandbox --help` and the README list are the ones the sandbox answers.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { parseArgv } from '../../cli/program';
import { startSandbox } from '../../sandbox/index';
import { CONTROL_ENDPOINTS } from '../../sandbox/control-endpoints';

const README = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

describe('sandbox control endpoints', () => {
  it('are listed by sandbox --help and the README', () => {
    const outcome = parseArgv(['sandbox', '--help']);
    if (outcome.kind !== 'output') throw new Error('sandbox --help ran a command');
    const help = outcome.result.stdout ?? '';
    for (const { method, path: route } of CONTROL_ENDPOINTS) {
      expect(help).toMatch(new RegExp(`${method}\\s+${route}\\s`));
      expect(README).toContain(`\`${method} ${route}\``);
    }
  });

  it('each answers on a running sandbox', async () => {
    const sandbox = await startSandbox({ port: 0 });
    try {
      for (const { method, path: route } of CONTROL_ENDPOINTS) {
        const body =
          route === '/_sandbox/inbox-tasks'
            ? { tenant: 'acme_us', assignee: 'ISU_Connector_US', count: 1 }
            : method === 'POST'
              ? {}
              : undefined;
        const response = await fetch(`${sandbox.origin}${route}`, {
          method,
          ...(body === undefined
            ? {}
            : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
        });
        expect({ route, method, status: response.status }).toEqual({ route, method, status: 200 });
      }
    } finally {
      await sandbox.close();
    }
  });
});
