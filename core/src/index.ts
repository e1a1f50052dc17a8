export * from './id-number.js';
export * from './phone.js';
export * from './plate.js';
