import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'jest.config.js',
      'jest.platform-runtimes.config.js',
      'jest.n8n.config.js',
      '.tmp/**',
      // Platforms' own runtimes, installed for the tests: not part of the package.
      'platform-runtimes/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      // sdk/ must not know Workday or the connector; the sandbox must not know our client.
    },
  },
  {
    // The checked-in CLI wrapper: plain CommonJS run by node directly, before anything is compiled.
    files: ['bin/connector'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', process: 'readonly', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['sdk/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '../workday/*',
            '../../workday/*',
            '../actions/*',
            '../../actions/*',
            '../triggers/*',
            '../../triggers/*',
            '../connector',
            '../../connector',
            '../cli/*',
            '../../cli/*',
            '../sandbox/*',
            '../../sandbox/*',
            '**/connectors/**',
          ],
        },
      ],
    },
  },
  {
    // Platform generators turn any connector object into a platform package: they know the SDK,
    // never Workday, the connector, the CLI or the sandbox.
    files: ['platforms/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '**/workday/*',
            '**/actions/*',
            '**/triggers/*',
            '**/pick-lists/*',
            '**/connector',
            '**/cli/*',
            '**/sandbox/*',
          ],
        },
      ],
    },
  },
  {
    files: ['sandbox/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '../sdk/*',
            '../../sdk/*',
            '../workday/*',
            '../../workday/*',
            '../actions/*',
            '../../actions/*',
            '../triggers/*',
            '../../triggers/*',
            '../connector',
            '../../connector',
            '../cli/*',
            '../../cli/*',
            '**/connectors/**',
          ],
        },
      ],
    },
  },
  {
    // Each further system's folder (connectors/NAME/) stands on sdk/ alone: it knows nothing of
    // Workday, the Workday sandbox or the CLI.
    files: ['connectors/**/*.ts'],
    ignores: ['connectors/*/cli.ts', 'connectors/*/doctor/**', 'connectors/*/test/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '**/workday/*',
            '**/sandbox/*',
            '**/cli/*',
            '../../connector',
            '../../actions/*',
          ],
        },
      ],
    },
  },
  {
    // A simulator plays the remote system: it knows nothing of the SDK, the CLI, Workday or the
    // connector (its own system knowledge folders included).
    files: ['connectors/*/simulator/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '**/sdk/*',
            '**/sdk',
            '**/workday/*',
            '**/sandbox/*',
            '../infor/*',
            '../../infor/*',
            '../ukg/*',
            '../../ukg/*',
            '../workiva/*',
            '../../workiva/*',
            '../actions/*',
            '../../actions/*',
            '../triggers/*',
            '../../triggers/*',
            '../connector',
            '../../connector',
            '**/cli/*',
          ],
        },
      ],
    },
  },
);
