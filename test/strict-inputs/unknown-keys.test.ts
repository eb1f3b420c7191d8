// Unknown input keys are refused, not dropped: a typo of `submit` must not post a journal live.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import fc from 'fast-check';
import type { z } from 'zod';

import connector from '../../connector';
import { unwrapSchema } from '../../sdk/schema';
import { ROOT } from '../helpers/build-dist';
import { caught } from '../helpers/caught';
import { useSandboxFixture } from '../helpers/sandbox-session';

const f = useSandboxFixture();

function fixtureInput(name: string): Record<string, unknown> {
  return JSON.parse(
    readFileSync(path.join(ROOT, 'fixtures', 'inputs', `${name}.json`), 'utf8'),
  ) as Record<string, unknown>;
}

function declaredKeys(schema: z.ZodType): string[] {
  return Object.keys(unwrapSchema(schema).def.shape ?? {});
}

/** Requests and token requests the sandbox has counted so far. */
async function traffic(): Promise<unknown> {
  const state = await f.state();
  return { requests: state.requests, tokenRequests: state.tokenRequests, journals: state.journals };
}

describe('unknown input keys', () => {
  it('refuses a journal whose "submit" is misspelt, naming the key and "submit", and posts nothing', async () => {
    const before = await traffic();
    const input = { ...fixtureInput('post_journal_entry'), sumbit: false };
    const error = await caught(f.session('us').runAction('post_journal_entry', input));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('"sumbit" is not a field here; did you mean "submit"?');
    // One sentence mark at the end, not `?.`.
    expect(error.message).toMatch(/did you mean "submit"\?$/);
    expect(error.details.issues).toContainEqual({
      path: 'sumbit',
      message: 'is not a field here; did you mean "submit"?',
    });
    expect(await traffic()).toEqual(before);
  });

  it('refuses posting_date, listing the fields when none is close', async () => {
    const input = { ...fixtureInput('post_journal_entry'), posting_date: '2026-03-31' };
    const error = await caught(f.session('us').runAction('post_journal_entry', input));
    const issue = error.details.issues?.find((entry) => entry.path === 'posting_date');
    expect(issue?.message).toMatch(/^is not a field here; the fields are .*"accounting_date"/);
  });

  it('refuses an unknown key inside a journal line, with its path', async () => {
    const input = fixtureInput('post_journal_entry');
    const lines = (input.lines as Array<Record<string, unknown>>).map((line) => ({ ...line }));
    lines[1] = { ...lines[1], ledger_acount: '6000' };
    const error = await caught(
      f.session('us').runAction('post_journal_entry', { ...input, lines }),
    );
    expect(error.details.issues).toContainEqual({
      path: 'lines.1.ledger_acount',
      message: 'is not a field here; did you mean "ledger_account"?',
    });
  });

  it('refuses stepType in search_inbox_tasks and suggests step_type', async () => {
    const error = await caught(
      f.session('us').runAction('search_inbox_tasks', { stepType: 'Approval' }),
    );
    expect(error.details.issues).toContainEqual({
      path: 'stepType',
      message: 'is not a field here; did you mean "step_type"?',
    });
  });

  it('refuses unknown trigger input keys and unknown pick list parameters', async () => {
    const poll = await caught(f.session('us').poll('new_inbox_task', { sinse: '2020-01-01' }));
    expect(poll.details.issues).toContainEqual({
      path: 'sinse',
      message: 'is not a field here; did you mean "since"?',
    });
    const ledger = await caught(
      f.session('us').pickList('ledger_accounts', { accountset: 'Standard' }),
    );
    expect(ledger.details.issues).toContainEqual({
      path: 'accountset',
      message: 'is not a field here; did you mean "account_set"?',
    });
    const currencies = await caught(f.session('us').pickList('currencies', { limit: '5' }));
    expect(currencies.code).toBe('invalid_input');
    expect(currencies.details.issues?.[0]?.path).toBe('limit');
    expect(await f.count('rest.currencies')).toBe(0);
  });

  it('property: any unknown key in any action input is refused before a request is sent', async () => {
    const actions = Object.keys(connector.actions) as Array<keyof typeof connector.actions>;
    const session = f.session('us');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...actions),
        fc.stringMatching(/^[A-Za-z_$][\w$-]{0,20}$/),
        fc.jsonValue(),
        fc.boolean(),
        async (name, key, value, inLine) => {
          const action = connector.actions[name];
          if (action === undefined) throw new Error(`no action ${name}`);
          const input = fixtureInput(name);
          let where = input;
          let prefix = '';
          // Journal lines are objects of their own: put the key in one of them half the time.
          if (inLine && Array.isArray(input.lines)) {
            const lines = (input.lines as Array<Record<string, unknown>>).map((l) => ({ ...l }));
            input.lines = lines;
            where = lines[0] ?? input;
            prefix = 'lines.0.';
          }
          const top = unwrapSchema(action.input_fields).def.shape ?? {};
          const line = top.lines && unwrapSchema(top.lines).def.element;
          const declared =
            prefix === '' || line === undefined ? Object.keys(top) : declaredKeys(line);
          fc.pre(!declared.includes(key));
          where[key] = value;
          const before = await traffic();
          const error = await caught(session.runAction(name, input));
          expect(error.code).toBe('invalid_input');
          expect(error.details.issues?.map((issue) => issue.path)).toContain(`${prefix}${key}`);
          expect(await traffic()).toEqual(before);
        },
      ),
      { numRuns: 150 },
    );
  });
});
