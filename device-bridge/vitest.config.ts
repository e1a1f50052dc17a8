import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    // Whole-bridge tests wait on real brokers and sockets; the default 5 s is tight on a loaded CI box.
    testTimeout: 15_000,
    hookTimeout: 15_000,
  },
});
