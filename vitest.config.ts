import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30000,
    // The bundle's code cache of the runs the tests start (src/launch/launch.ts), not in the user's ~/.cache:
    // each copy of the package a test installs is a cache file of its own.
    env: { REPORTLINT_COMPILE_CACHE: path.join(os.tmpdir(), 'reportlint-test-code-cache') },
  },
});
