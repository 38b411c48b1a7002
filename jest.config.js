/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts', '**/*.test.js'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: { types: ['node', 'jest'] }, diagnostics: { warnOnly: false } }],
	},
	testTimeout: 30000,
	// test.concurrent rows (the fault matrix) mostly wait on retry backoffs: many can wait at once.
	maxConcurrency: 16,
};
