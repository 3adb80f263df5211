// typescript-eslint's strict rules over the sources; prettier owns formatting, so no style rules here.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeGlobals = Object.fromEntries(
  ['require', 'module', 'process', 'console', '__dirname', 'Buffer', 'global', 'setTimeout', 'clearTimeout', 'URL'].map(
    name => [name, 'readonly']
  )
);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'fixtures/**', 'docs/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      // `_name` marks a binding kept for its position; a rest sibling drops what it names on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }
      ]
    }
  },
  {
    // A spec asserts the shape first; `!` after an expect is the readable way to go on.
    files: ['**/*.spec.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' }
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: nodeGlobals },
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  }
);
