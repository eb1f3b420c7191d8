import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'jest.config.js', '.tmp/**'] },
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
          ],
        },
      ],
    },
  },
);
