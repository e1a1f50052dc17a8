import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Resolved with node:path: under happy-dom the global URL is the DOM's, which fileURLToPath rejects.
export const miniprogramRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../miniprogram',
);
