import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores: the CDK synth and the browser tests are heavy; keep the machine responsive.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'all', include: ['test/**/*.test.ts'] } },
      // HandsUp's product specifications once more, against the cloud assembly amplify/ synthesises:
      // what deploys is what runs locally. (crash.test.ts starts api.json in a process of its own.)
      {
        extends: true,
        test: {
          name: 'handsup-from-amplify',
          include: ['test/handsup/**/*.test.ts'],
          exclude: ['test/handsup/crash.test.ts'],
          env: { HANDSUP_API_SOURCE: 'amplify' },
          globalSetup: ['test/support/handsup-amplify-setup.ts'],
        },
      },
    ],
  },
});
