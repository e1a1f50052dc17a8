export * from './access/index.js';
export * from './gate/index.js';
export * from './id-number.js';
export * from './pass/index.js';
export * from './phone.js';
export * from './plate.js';
export * from './time/index.js';
