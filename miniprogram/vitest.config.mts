import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The build leaves CommonJS .js beside each .ts; unit tests import the TypeScript, not that output.
    extensions: ['.ts', '.mjs', '.js', '.json'],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // j-component renders into a real DOM; happy-dom is enough for taps and text.
    environment: 'happy-dom',
    // miniprogram-simulate require()s the compiled .js next to each page, so build before any test.
    globalSetup: ['./test/support/build-once.ts'],
  },
});
