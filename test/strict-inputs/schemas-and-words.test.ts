// The manifest's JSON Schemas say what the runtime enforces, and no validator phrasing reaches a user.
import connector from '../../connector';
import { toJsonSchema } from '../../sdk/schema';
import { caught } from '../helpers/caught';
import { useSandboxFixture } from '../helpers/sandbox-session';

type Schema = {
  additionalProperties?: unknown;
  properties?: Record<string, Schema>;
  items?: Schema;
};

const f = useSandboxFixture();

describe('JSON Schemas of inputs', () => {
  it.each(Object.keys(connector.actions))('%s refuses additional properties', (name) => {
    const action = connector.actions[name as keyof typeof connector.actions];
    const schema = toJsonSchema(action.input_fields) as Schema;
    expect(schema.additionalProperties).toBe(false);
  });

  it('says so for nested objects too, and keeps free-form maps open', () => {
    const journal = toJsonSchema(connector.actions.post_journal_entry.input_fields) as Schema;
    expect(journal.properties?.lines?.items?.additionalProperties).toBe(false);
    const custom = toJsonSchema(connector.actions.custom_action.input_fields) as Schema;
    expect(custom.properties?.query?.additionalProperties).not.toBe(false);
  });

  it.each(Object.keys(connector.triggers))('trigger %s refuses additional properties', (name) => {
    const trigger = connector.triggers[name as keyof typeof connector.triggers];
    expect((toJsonSchema(trigger.input_fields) as Schema).additionalProperties).toBe(false);
  });
});

describe('messages in our words', () => {
  it('words a limit over the maximum without zod phrasing', async () => {
    const error = await caught(f.session('us').runAction('search_inbox_tasks', { limit: 5000 }));
    expect(error.details.issues).toEqual([{ path: 'limit', message: 'must be at most 1000' }]);
    expect(error.message).not.toMatch(/Too big|expected number/);
    expect(error.hint).toBeDefined();
  });

  it('words an unknown option as the list of allowed values', async () => {
    const error = await caught(
      f.session('us').runAction('approve_reject_inbox_task', {
        inbox_task_id: 'x',
        decision: 'maybe',
      }),
    );
    const issue = error.details.issues?.find((entry) => entry.path === 'decision');
    expect(issue?.message).toBe('must be one of "approve", "reject"');
    expect(error.message).not.toContain('Invalid option');
  });
});
