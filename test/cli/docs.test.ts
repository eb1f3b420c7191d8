// The CLI's documentation: commands a reader copies must run as written after `npm ci`.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const INPUTS = readFileSync(path.join(ROOT, 'fixtures', 'inputs', 'README.md'), 'utf8');
const SUBCOMMANDS = /\bconnector (exec|sandbox|doctor|oauth2|build|settings|demo)\b/g;

function sectionOf(text: string, heading: string): string {
  const start = text.indexOf(heading);
  if (start < 0) throw new Error(`no "${heading}" section`);
  const next = text.indexOf('\n## ', start + heading.length);
  return text.slice(start, next < 0 ? undefined : next);
}

describe('fixtures/inputs/README.md', () => {
  it('runs `connector` as bin/connector (it is not on PATH after npm ci)', () => {
    // Every line but the title, which names the command rather than running it.
    const body = INPUTS.split('\n')
      .filter((line) => !line.startsWith('# '))
      .join('\n');
    const uses = [...body.matchAll(SUBCOMMANDS)];
    expect(uses.length).toBeGreaterThan(2);
    for (const use of uses) {
      expect(body.slice(Math.max(0, use.index - 4), use.index)).toBe('bin/');
    }
    expect(body).not.toContain('npx connector');
  });

  it('says a whole poll output can be passed with --closure', () => {
    const line = INPUTS.split('\n').find((l) => l.includes('`triggers.new_inbox_task`'));
    expect(line).toMatch(/--closure poll\.json/);
    expect(line).toMatch(/whole output is accepted/);
  });
});

describe('README', () => {
  it('runs every command line of its shell blocks as bin/connector, never through npx', () => {
    const blocks = [...README.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
    const lines = blocks.flatMap((block) => block.split('\n')).filter((line) => line.trim() !== '');
    const cli = lines.filter((line) => new RegExp(SUBCOMMANDS.source).test(line));
    expect(cli.length).toBeGreaterThan(3);
    for (const line of cli) expect(line).toMatch(/^bin\/connector /);
    expect(README).not.toMatch(/npx connector (exec|sandbox|doctor|oauth2|build|settings|demo)/);
  });

  it('documents the --closure forms in the CLI section', () => {
    expect(sectionOf(README, '## CLI')).toContain(
      "`--closure` takes the previous poll's `next_poll`, or that poll's whole output",
    );
  });

  it('documents every place master.key is looked up, in order', () => {
    const settings = sectionOf(README, '## Settings files');
    expect(settings).toMatch(
      /`CONNECTOR_MASTER_KEY`[^]*then a `master\.key` file beside the settings file, then a `master\.key` file in the working\s+directory/,
    );
  });
});
