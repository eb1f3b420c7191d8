/** Every sample input in fixtures/inputs is valid for its action, and every action has one. */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import connector from '../../connector';

const dir = path.join(__dirname, '..', '..', 'fixtures', 'inputs');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

test('one input per action', () => {
  expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual(
    Object.keys(connector.actions).sort(),
  );
});

test.each(files)("%s parses with its action's input fields", (file) => {
  const action = connector.actions[file.replace(/\.json$/, '') as keyof typeof connector.actions];
  const result = action.input_fields.safeParse(
    JSON.parse(readFileSync(path.join(dir, file), 'utf8')),
  );
  expect(result.error?.issues ?? []).toEqual([]);
});
