/** Test tiers live in the file suffix: *.unit.spec.ts, *.int.spec.ts, *.e2e.spec.ts. */
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  testEnvironment: 'node',
  moduleNameMapper: {
    '^@adal/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^@adal/([a-z-]+)/([a-z-]+)$': '<rootDir>/libs/$1/src/$2/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.jest.json' }],
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/'],
};

export default {
  globalSetup: '<rootDir>/jest/global-setup.js',
  globalTeardown: '<rootDir>/jest/global-teardown.js',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{libs,services,apps}/**/*.unit.spec.ts'] },
    { ...common, displayName: 'int', testMatch: ['<rootDir>/{libs,services,apps}/**/*.int.spec.ts'], setupFilesAfterEnv: ['<rootDir>/jest/int-timeout.js'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/{libs,services,apps}/**/*.e2e.spec.ts'], setupFilesAfterEnv: ['<rootDir>/jest/int-timeout.js'] },
  ],
};
