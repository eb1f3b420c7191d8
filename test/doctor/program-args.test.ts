import { parseArgv } from '../../cli/program';

describe('connector doctor argv', () => {
  it.each([
    [['doctor'], { settings: 'settings.json', all: false, json: false }],
    [['doctor', '--settings', 's.json', '--all'], { settings: 's.json', all: true, json: false }],
    [
      ['doctor', '--settings', 's.json', '--connection', 'us_limited', '--json'],
      { settings: 's.json', connection: 'us_limited', all: false, json: true },
    ],
  ])('parses %j', (argv, options) => {
    expect(parseArgv(argv)).toEqual({ kind: 'run', invocation: { command: 'doctor', options } });
  });
});
