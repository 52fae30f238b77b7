import { defineConfig } from 'vitest/config';

// Unit tests sit next to the code they test; integration tests use real SQLite files, real
// processes and real files under test/integration; end-to-end tests drive the real UI in
// Debian's Chromium under test/e2e and run one file at a time (two cores, one browser).
export default defineConfig({
  test: {
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
