import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

import { builtinModules } from 'node:module';

// Bare names ('fs', 'events') are matched exactly, so a local './events' module is not mistaken for one.
const NODE_BUILTIN_NAMES = builtinModules.filter((name) => !name.startsWith('_'));
const NODE_BUILTIN_PATTERN = ['node:*'];

// TypeScript's lint preset turns off no-undef, and the project's lib includes the DOM, so without this list
// `document` or `process` in shared/ would pass both lint and typecheck. Globals that Node and browsers
// both have (URL, TextEncoder, setTimeout, Intl…) stay allowed; Web Storage and navigator are not
// isomorphic in the Node versions Kassa runs on.
const browserOnly = Object.keys(globals.browser).filter(
  (name) => !(name in globals.node) && !(name in globals.es2021),
);
const nodeOnly = Object.keys(globals.node).filter(
  (name) => !(name in globals.browser) && !(name in globals.es2021),
);
const SHARED_FORBIDDEN_GLOBALS = [
  ...browserOnly.map((name) => ({ name, message: 'shared/ is isomorphic: no DOM globals.' })),
  ...['localStorage', 'sessionStorage', 'navigator'].map((name) => ({
    name,
    message: 'shared/ is isomorphic: no DOM globals.',
  })),
  ...nodeOnly.map((name) => ({ name, message: 'shared/ is isomorphic: no Node globals.' })),
];
// The same names used as types (`el: HTMLElement`), which no-restricted-globals does not see.
const SHARED_FORBIDDEN_TYPES = Object.fromEntries(
  SHARED_FORBIDDEN_GLOBALS.map(({ name, message }) => [name, message]),
);

/** Regex source (for a selector) matching these module names exactly. */
const exactly = (names) => `^(${names.map((name) => name.replace(/[/.]/g, '\\$&')).join('|')})$`;
const ELECTRON_MODULES = '^electron(-updater)?(\\/.*)?$';
const NODE_BUILTINS = `${exactly(NODE_BUILTIN_NAMES)}|^node:`;

/**
 * `import('electron')` and `require('electron')` load a module as surely as an import statement, but
 * no-restricted-imports only sees the statement; these selectors close that gap.
 */
function forbidLoading(sources, message) {
  return sources.flatMap((source) => [
    { selector: `ImportExpression[source.value=/${source}/]`, message },
    { selector: `CallExpression[callee.name='require'][arguments.0.value=/${source}/]`, message },
  ]);
}

/** Folder boundaries: each rule says what a folder may never import. */
const boundaries = [
  {
    files: ['shared/**/*.ts'],
    patterns: [
      { group: NODE_BUILTIN_PATTERN, message: 'shared/ is isomorphic: no Node built-ins.' },
      {
        group: ['electron', 'electron/*', 'react', 'react-dom', 'react-dom/*'],
        message: 'shared/ imports no platform or UI code.',
      },
      {
        group: ['**/electron/**', '**/renderer/**'],
        message: 'shared/ may not reach into electron/ or renderer/.',
      },
    ],
    noNodeBuiltins: 'shared/ is isomorphic: no Node built-ins.',
    loading: forbidLoading(
      [NODE_BUILTINS, ELECTRON_MODULES, '^react(-dom)?(\\/.*)?$', '(^|\\/)(electron|renderer)\\/'],
      'shared/ is isomorphic: it loads no platform, UI or shell code.',
    ),
    forbiddenGlobals: SHARED_FORBIDDEN_GLOBALS,
    forbiddenTypes: SHARED_FORBIDDEN_TYPES,
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts'],
    patterns: [
      {
        group: ['electron', 'electron/*', 'electron-updater'],
        message: 'The station never imports Electron.',
      },
      {
        group: ['**/renderer/**', '**/main/**', '**/preload/**'],
        message: 'The station does not reach into the shells or the UI.',
      },
    ],
    loading: forbidLoading(
      [ELECTRON_MODULES, '(^|\\/)(renderer|main|preload)\\/'],
      'The station never loads Electron, the shells or the UI.',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    patterns: [
      {
        group: ['**/electron/**', 'electron', 'electron/*'],
        message: 'The renderer talks to the station only through the contract.',
      },
      { group: NODE_BUILTIN_PATTERN, message: 'The renderer runs in a browser: no Node built-ins.' },
    ],
    noNodeBuiltins: 'The renderer runs in a browser: no Node built-ins.',
    loading: forbidLoading(
      [ELECTRON_MODULES, '(^|\\/)electron\\/', NODE_BUILTINS],
      'The renderer talks to the station only through the contract, and runs in a browser.',
    ),
  },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'resources/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-lines': ['warn', { max: 300, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['warn', { max: 40, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
  },
  {
    // Every database access is asynchronous (db/unit-of-work.ts): a promise left unawaited would run
    // its queries after its unit of work committed, or not at all.
    files: ['electron/**/*.ts', 'test/**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Components read top to bottom as one piece of UI; size is kept down by splitting components.
      'max-lines-per-function': ['warn', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
  },
  {
    // Tests read as a list of cases; a describe block is long by nature.
    files: ['test/**/*.{ts,tsx}'],
    rules: { 'max-lines-per-function': 'off' },
  },
  ...boundaries.map(
    ({ files, patterns, noNodeBuiltins, loading, forbiddenGlobals = [], forbiddenTypes = {} }) => ({
      files,
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns,
            paths: noNodeBuiltins
              ? NODE_BUILTIN_NAMES.map((name) => ({ name, message: noNodeBuiltins }))
              : [],
          },
        ],
        'no-restricted-syntax': ['error', ...loading],
        'no-restricted-globals': ['error', ...forbiddenGlobals],
        '@typescript-eslint/no-restricted-types': ['error', { types: forbiddenTypes }],
      },
    }),
  ),
);
