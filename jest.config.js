const { readFileSync } = require('node:fs');

const swcrc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swcrc.$schema;
swcrc.jsc.baseUrl = __dirname;

const libs = ['platform', 'trading', 'tendering', 'land', 'procurement', 'rural', 'experts', 'scheduling', 'supervision'];
const moduleNameMapper = {};
for (const lib of libs) {
  moduleNameMapper[`^@app/${lib}$`] = `<rootDir>/libs/${lib}/src`;
  moduleNameMapper[`^@app/${lib}/(.*)$`] = `<rootDir>/libs/${lib}/src/$1`;
}

/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  // content-disposition 3 (via @fastify/static) ships ESM only: Node loads it natively, Jest needs it transformed.
  transform: { '^.+\\.(ts|js)$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition)/)'],
  moduleNameMapper,
  modulePathIgnorePatterns: ['<rootDir>/dist', '<rootDir>/apps/web/dist'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/', '<rootDir>/apps/web/dist/'],
  testEnvironment: 'node',
  testTimeout: 60000,
  maxWorkers: 2,
};
