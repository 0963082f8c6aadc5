import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

import { builtinModules } from 'node:module';

// Bare names ('fs', 'events') are matched exactly, so a local './events' module is not mistaken for one.
const NODE_BUILTIN_NAMES = builtinModules.filter((name) => !name.startsWith('_'));
const NODE_BUILTIN_PATTERN = ['node:*'];

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
  ...boundaries.map(({ files, patterns, noNodeBuiltins }) => ({
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns,
          paths: noNodeBuiltins ? NODE_BUILTIN_NAMES.map((name) => ({ name, message: noNodeBuiltins })) : [],
        },
      ],
    },
  })),
);
