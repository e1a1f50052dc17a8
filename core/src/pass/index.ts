export * from './pass-issuer.js';
export * from './pass-keys.js';
export * from './pass-token.js';
export * from './pass-verifier.js';
export * from './replay-window.js';
