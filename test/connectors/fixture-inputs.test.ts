/**
 * Every further system's sample inputs (connectors/NAME/fixtures/inputs): one per action, each
 * valid for its action's input fields, so a newcomer's first `exec --input` is never refused.
 * Workday's own inputs run against the sandbox in test/connector/fixture-inputs.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { connectorNames, resolveConnector } from '../../cli/connectors';

const ROOT = path.join(__dirname, '..', '..');

describe.each(connectorNames().filter((name) => name !== 'workday'))('%s', (name) => {
  const entry = resolveConnector(name);
  const dir = path.join(ROOT, path.dirname(entry.sourceFile), 'fixtures', 'inputs');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  const connector = entry.load();

  it('has one sample input per action', () => {
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual(
      Object.keys(connector.actions).sort(),
    );
  });

  it.each(files)("%s parses with its action's input fields", (file) => {
    const action = connector.actions[file.replace(/\.json$/, '')];
    expect(action).toBeDefined();
    const result = action?.input_fields.safeParse(
      JSON.parse(readFileSync(path.join(dir, file), 'utf8')),
    );
    expect(result?.error?.issues ?? []).toEqual([]);
  });
});
