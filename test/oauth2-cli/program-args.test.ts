import { parseArgv } from '../../cli/program';

describe('connector oauth2 argv', () => {
  it.each([
    [
      ['oauth2', '--connection', 'us_user'],
      { settings: 'settings.json', connection: 'us_user', browser: true },
    ],
    [
      [
        'oauth2',
        '--settings',
        's.json',
        '--connection',
        'us_user',
        '--port',
        '0',
        '--no-browser',
        '--timeout',
        '2.5',
      ],
      { settings: 's.json', connection: 'us_user', port: 0, browser: false, timeout: 2.5 },
    ],
  ])('parses %j', (argv, options) => {
    expect(parseArgv(argv)).toEqual({ kind: 'run', invocation: { command: 'oauth2', options } });
  });

  it.each([
    [['oauth2', '--timeout', '0'], /positive number of seconds/],
    [['oauth2', '--port', '70000'], /port number from 0 to 65535/],
  ])('refuses %j as a usage error', (argv, message) => {
    expect(() => parseArgv(argv)).toThrow(message);
  });
});
