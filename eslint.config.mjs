// ESLint (flat config): typescript-eslint's recommended rules over the sources, tests, benchmarks and scripts.
// `npm run lint` runs it with the dependency rule (.dependency-cruiser.js) and prettier --check.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'output/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // A rest sibling leaves a property out on purpose (`const { title: _title, ...rest } = f`), and a leading
      // underscore marks a parameter a signature needs but the body does not (tsc's noUnusedParameters agrees).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      // Control characters are matched on purpose: they are stripped from file names and from text that XML cannot hold.
      'no-control-regex': 'off',
      // Chinese text writes the ideographic space U+3000 on purpose (indents, signatures, fixtures); outside
      // strings, templates, regexes and comments the rule still holds.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipRegExps: true, skipComments: true }],
    },
  },
  {
    // Plain CommonJS scripts that Node runs without a build (the bin entries, the dev TypeScript hook and worker
    // shim, tool configs): require() is how they load modules.
    files: ['**/*.js'],
    ignores: ['src/server/web/**'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The page: plain scripts run by the browser.
    files: ['src/server/web/**/*.js'],
    languageOptions: { sourceType: 'module', globals: globals.browser },
  },
  {
    files: ['test/**/*.ts'],
    // Expected terminal output is indented with runs of spaces; a regex writes them as the user sees them.
    rules: { 'no-regex-spaces': 'off' },
  },
);
