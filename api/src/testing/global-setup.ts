import { serverUrl } from './database.js';

/** vitest globalSetup: one PostgreSQL for the run when DATABASE_URL is not given. */
export default async function setup(): Promise<() => Promise<void>> {
  const { url, stop } = await serverUrl();
  process.env.DATABASE_URL = url;
  return stop;
}
