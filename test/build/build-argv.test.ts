import { parseArgv } from '../../cli/program';

describe('connector build / demo argv', () => {
  it.each([
    [
      ['build'],
      {
        command: 'build',
        options: { out: 'dist/upload' },
      },
    ],
    [
      ['build', '--connector', 'other'],
      { command: 'build', options: { out: 'dist/upload', connector: 'other' } },
    ],
    [
      ['build', '--out', 'up', '--entry', 'x.ts', '--settings', 's.json', '--connection', 'emea'],
      {
        command: 'build',
        options: { out: 'up', entry: 'x.ts', settings: 's.json', connection: 'emea' },
      },
    ],
    [
      ['build', '--skip-connection-test'],
      {
        command: 'build',
        options: {
          out: 'dist/upload',
          skipConnectionTest: true,
        },
      },
    ],
    [['demo'], { command: 'demo', options: { keep: false } }],
    [['demo', '--keep'], { command: 'demo', options: { keep: true } }],
  ])('%j', (argv, invocation) => {
    expect(parseArgv(argv)).toEqual({ kind: 'run', invocation });
  });

  it('refuses an unknown build option as a usage error', () => {
    expect(() => parseArgv(['build', '--bogus'])).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
  });
});
