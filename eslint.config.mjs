// Lint rules, type-aware (typescript-eslint), and the layering of src:
// domain < persistence < realtime < graphql < infrastructure — a layer never imports one above it.
// persistence (the SQL module) implements the interfaces the domain owns (domain/sql.ts).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Imports that run up the layers, by the folder a file is in. */
const upward = (...layers) => ({
  patterns: [
    {
      regex: `^(\\.\\./)+(${layers.join('|')})(/|$)`,
      message:
        'Lower layers never import upper ones: domain < persistence < realtime < graphql < infrastructure (see README, Architecture).',
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'test/__generated__/**',
      'examples/__generated__/**',
      'bench/results/**',
      'src/migrations/.snapshot.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/require-await': 'off',
      // A `let` assigned once but read earlier in a closure (late wiring) is fine.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      'max-len': [
        'error',
        { code: 120, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', upward('persistence', 'realtime', 'graphql', 'infrastructure')] },
  },
  {
    files: ['src/persistence/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', upward('realtime', 'graphql', 'infrastructure')] },
  },
  {
    files: ['src/realtime/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', upward('graphql', 'infrastructure')] },
  },
  { files: ['src/graphql/**/*.ts'], rules: { 'no-restricted-imports': ['error', upward('infrastructure')] } },
  {
    // Tests and scripts drive the app from outside; jest's matchers are typed loosely (expect.any…).
    files: ['test/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts', 'examples/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  { files: ['**/*.mjs', '**/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    // The live demo: plain ES modules run by the browser as they are (no build step).
    files: ['demo/**/*.js'],
    languageOptions: { sourceType: 'module', globals: { ...globals.browser } },
  },
  prettier,
);
