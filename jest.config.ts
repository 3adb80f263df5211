import type { Config } from 'jest';

// Unit specs (*.spec.ts) and live specs against the demo service (*.int.spec.ts) run together;
// live specs start and stop the CAP service themselves. Types are checked by `tsc` in `npm test`,
// so the transform only strips them (swc), which keeps the suite fast.
const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/adapters'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  testTimeout: 30_000,
  maxWorkers: 2
};

export default config;
