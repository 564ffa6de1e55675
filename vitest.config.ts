import { defineConfig } from 'vitest/config';

/** Tests that open a database (PGlite, or PostgreSQL with DATABASE_URL), or take long. */
const DB_TESTS = [
  'src/storage/**/*.test.ts',
  'src/services/**/*.test.ts',
  'src/http/**/*.test.ts',
  'src/cli/**/*.test.ts',
  'test/safety/**/*.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Database test files each create their own database; two workers match the 2-core machine.
    maxWorkers: 2,
    // Three tiers: `npm run test:unit`, `test:db`, `test:browser`; `npm test` runs all three.
    projects: [
      {
        extends: true,
        test: {
          // Pure and fast (seconds): the domain, configuration, layering, and the web's logic and components.
          // Web tests run in Node; component tests opt into jsdom with `// @vitest-environment jsdom`.
          name: 'unit',
          include: ['src/**/*.test.ts', 'web/src/**/*.test.ts', 'web/src/**/*.test.tsx'],
          // The demo generator is pure but makes 40,000 projects: it runs with the slower tier.
          exclude: [...DB_TESTS, 'src/demo/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          // Storage, services, HTTP, CLI and the safety tests (property, concurrency, crash), plus the demo generator.
          name: 'db',
          include: [...DB_TESTS, 'src/demo/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          // Headless Chromium against a served build (skipped with a message where /usr/bin/chromium is missing).
          name: 'browser',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
        },
      },
    ],
  },
});
