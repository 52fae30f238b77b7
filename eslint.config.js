// @ts-check
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises', 'http',
  'http2', 'https', 'module', 'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream', 'timers', 'tls',
  'url', 'util', 'v8', 'vm', 'worker_threads', 'zlib',
];

const electronOnlyInShell = {
  name: 'electron',
  message: 'Only the Electron shell (src/main/app) and the preload import electron.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: false } },
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
