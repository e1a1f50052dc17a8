import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // graphql ships ESM and CJS builds; type-graphql loads one, tests the other, and graphql-js refuses
  // objects from "another realm". Pin every import to the CJS build.
  resolve: { alias: { graphql: require.resolve('graphql') } },
  test: {
    include: ['src/**/*.spec.ts'],
    globalSetup: ['src/testing/global-setup.ts'],
    setupFiles: ['reflect-metadata'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
