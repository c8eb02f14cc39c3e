// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The domain is pure TypeScript: adapters translate, the domain decides (see DESIGN.md).
const adapterLibraries = ['express', 'twilio', 'mongodb', 'agenda', '@agendajs/*', 'botbuilder', 'botbuilder-*'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test-results/', '.data/', '.cache/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{
          group: adapterLibraries,
          message: 'src/domain must stay pure: no express, twilio, mongodb, agenda or botbuilder (DESIGN.md).',
        }],
      }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
