import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Web tests run in Node; component tests opt into jsdom with `// @vitest-environment jsdom`.
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts', 'web/src/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Database test files each create their own database; two workers match the 2-core machine.
    maxWorkers: 2,
  },
});
