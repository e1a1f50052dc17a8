import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// Its own embedded PostgreSQL, so this suite and the api suite can run side by side.
process.env.EMBEDDED_PG_PORT ??= '54331';
process.env.EMBEDDED_PG_DIR ??= '.data/test-postgres';

export default defineConfig({
  resolve: {
    alias: { graphql: require.resolve('graphql', { paths: [require.resolve('@park/api/testing')] }) },
  },
  test: {
    include: ['**/*.spec.ts'],
    exclude: ['node_modules/**'],
    globalSetup: ['@park/api/testing/global-setup'],
    setupFiles: ['reflect-metadata'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
