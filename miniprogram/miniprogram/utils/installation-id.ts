// One id per install of the mini-program: the API binds each pass code to it, so a token copied off
// this phone does not fit another. It identifies, it does not authenticate, so Math.random suffices
// (wx.getRandomValues is asynchronous and missing from older base libraries).
const STORAGE_KEY = 'park.installation';
/** What the API accepts. */
const VALID = /^[A-Za-z0-9_-]{16,64}$/;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/**
 * 24, not 22: a 22-character base64url id is what the pass token format reads as a compacted UUID
 * (core/src/pass/pass-token.ts), so the issuer refuses it.
 */
const LENGTH = 24;

function isUsable(value: unknown): value is string {
  return typeof value === 'string' && VALID.test(value) && value.length !== 22;
}

export function resetInstallationId(): string {
  let id = '';
  for (let i = 0; i < LENGTH; i++) id += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];
  wx.setStorageSync(STORAGE_KEY, id);
  return id;
}

/** Made on first use and kept for the life of the install (logout does not change it). */
export function installationId(): string {
  const stored: unknown = wx.getStorageSync(STORAGE_KEY);
  return isUsable(stored) ? stored : resetInstallationId();
}
