export { DEMO_LOGINS } from '../seed/demo-plant.js';
export { createScratchDatabase, serverUrl } from './database.js';
export { createTestEnvironment, type GqlResult, type TestEnvironment } from './environment.js';
export * from './fixtures.js';
