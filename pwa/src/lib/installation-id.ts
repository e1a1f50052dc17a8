const STORAGE_KEY = 'park.installation';
/** What the server accepts (pass.service.ts). */
const VALID = /^[A-Za-z0-9_-]{16,64}$/;
/**
 * 18 random bytes → 24 base64url characters. Not 16: a 22-character base64url id is exactly what the
 * pass token format reads as a compacted UUID (core/src/pass/pass-token.ts), so the issuer refuses it.
 */
const BYTES = 18;

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

function isUsable(id: string | null): id is string {
  return id !== null && VALID.test(id) && id.length !== 22;
}

/** A fresh random id for this install; passes are bound to it, so a copied token won't fit another phone. */
export function resetInstallationId(storage: Storage = localStorage): string {
  const id = base64url(crypto.getRandomValues(new Uint8Array(BYTES)));
  storage.setItem(STORAGE_KEY, id);
  return id;
}

/** Made once per install and kept; sent nowhere but passCodes. */
export function installationId(storage: Storage = localStorage): string {
  const stored = storage.getItem(STORAGE_KEY);
  return isUsable(stored) ? stored : resetInstallationId(storage);
}
