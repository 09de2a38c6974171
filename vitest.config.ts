// Test configuration: every suite runs in Node with the users' time zone; browser suites drive Debian's Chromium.
import { defineConfig } from 'vitest/config';

process.env.TZ = 'Asia/Makassar';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts', 'emulator/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
