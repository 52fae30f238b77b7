// @ts-check
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y-x';
import { MAIN_LAYERS, layerPolicies } from './eslint/layers.js';

const NODE_BUILTINS = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises', 'http',
  'http2', 'https', 'module', 'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream', 'timers', 'tls',
  'url', 'util', 'v8', 'vm', 'worker_threads', 'zlib',
];

const electronOnlyInShell = {
  name: 'electron',
  message: 'Only the Electron shell (src/main/app) and the preload import electron.',
};

const TYPED_PROJECTS = ['./tsconfig.node.json', './tsconfig.renderer.json', './tsconfig.shared.json'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    // Promises that nobody awaits lose their errors; these two rules need the type checker.
    files: ['src/**/*.ts', 'src/**/*.tsx', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    languageOptions: { parserOptions: { project: TYPED_PROJECTS, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // The layers of the source tree (docs/architecture.md): each part imports only from its layer
    // and the layers below. Import circles are dependency-cruiser's (.dependency-cruiser.cjs): it
    // sees type-only imports too.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': MAIN_LAYERS,
      'boundaries/include': ['src/**/*.ts', 'src/**/*.tsx'],
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', policies: layerPolicies() }],
    },
  },
  {
    files: ['src/renderer/**/*.tsx', 'src/renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y-x': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.recommended.rules,
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [electronOnlyInShell] }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // The shell and the preload are the only places that may talk to Electron.
    files: ['src/main/app/**', 'src/preload/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // src/shared is pure: it runs in the renderer, the main process and tests alike.
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell, 'better-sqlite3', 'react', 'react-dom', ...NODE_BUILTINS],
          patterns: [
            { group: ['node:*'], message: 'src/shared must not use Node modules.' },
            { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'src/shared imports nothing from the runtimes.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'fetch', 'process', 'Buffer', 'require'].map((name) => ({
          name,
          message: 'src/shared must not use DOM or Node globals.',
        })),
      ],
    },
  },
  {
    // The renderer is untrusted and reaches the privileged side only through the API contract.
    files: ['src/renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell, 'better-sqlite3', ...NODE_BUILTINS],
          patterns: [
            { group: ['node:*'], message: 'The renderer has no Node.' },
            { group: ['**/main/**', '**/preload/**', '**/dev/**'], message: 'The renderer only calls the API contract.' },
          ],
        },
      ],
    },
  },
  {
    // Modules below the services layer never reach up into it or into the shell.
    files: ['src/main/**'],
    ignores: ['src/main/app/**', 'src/main/services/**', 'src/main/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [
            { group: ['**/services/**', '**/app/**', '**/cli/**', '**/renderer/**'], message: 'Layers import only downward.' },
          ],
        },
      ],
    },
  },
);
