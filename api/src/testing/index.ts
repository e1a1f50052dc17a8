export { DEMO_LOGINS } from '../seed/demo-plant.js';
export {
  BRIDGE_PASSWORD,
  createBridgeAccount,
  createTestSite,
  deviceToken,
  type TestSite,
} from './access-fixtures.js';
export { createScratchDatabase, serverUrl } from './database.js';
export { createTestEnvironment, type GqlResult, type TestEnvironment } from './environment.js';
export * from './fixtures.js';
export {
  createVisitSite,
  type FakeWechat,
  fakeWechat,
  VISIT_FIELDS,
  type VisitSite,
  visitorIdNumber,
  wechatVisitor,
} from './visitor-fixtures.js';
