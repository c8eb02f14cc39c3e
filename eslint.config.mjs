// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The domain is pure TypeScript: adapters translate, the domain decides (see DESIGN.md).
const adapterLibraries = ['express', 'twilio', 'mongodb', 'agenda', '@agendajs/*', 'botbuilder', 'botbuilder-*'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test-results/', '.data/', '.cache/', '.test-build/'] },
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
        patterns: [
          { group: adapterLibraries, message: 'src/domain must stay pure: no express, twilio, mongodb, agenda or botbuilder (DESIGN.md).' },
          { group: ['**/app/**', '**/adapters/**', '**/http/**', '**/compose/**', '**/main.js'], message: 'src/domain depends on nothing outside it (DESIGN.md).' },
        ],
      }],
    },
  },
  {
    // Use cases take ports; which adapter stands behind a port is the composition root's business.
    files: ['src/app/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: adapterLibraries, message: 'src/app talks to the outside through its ports (src/app/ports), not through libraries (DESIGN.md).' },
          { group: ['**/adapters/**', '**/http/**', '**/compose/**', '**/main.js'], message: 'src/app must not import adapters, http or the composition root (DESIGN.md).' },
        ],
      }],
    },
  },
  {
    files: ['src/adapters/**/*.ts', 'src/http/**/*.ts', 'src/http/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/compose/**', '**/main.js'], message: 'Only the composition root (src/main.ts, src/compose) wires adapters together (DESIGN.md).' }],
      }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
