import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type CryptoKey, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { open, seal } from '../common/crypto.js';
import { SigningKey } from './signing-key.entity.js';

export const TOKEN_ALG = 'EdDSA';

interface LoadedKey {
  kid: string;
  publicJwk: JWK;
  publicKey: CryptoKey;
  privateKey: CryptoKey;
  activatesAt: Date;
}

/**
 * Signing keys shared by every API copy through the database. Unknown kids trigger one reload
 * (a newer key from another copy), never a second, so a forged kid cannot hammer the database.
 */
export class KeyStore {
  private keys = new Map<string, LoadedKey>();
  private loadedAt = 0;

  constructor(
    private readonly em: EntityManager,
    private readonly dataKey: Buffer,
    readonly use: 'access' | 'pass' = 'access',
  ) {}

  async init(): Promise<void> {
    await this.reload();
    if (!this.signingKey()) await this.rotate(new Date());
  }

  /** Adds a key published now that starts signing at `activatesAt`; older keys stay for verification. */
  async rotate(activatesAt: Date): Promise<string> {
    const em = this.em.fork();
    const key = await this.addKey(em, activatesAt);
    await em.flush();
    await this.reload();
    return key.kid;
  }

  /** Creates the key row through `em` (so it can share a transaction with its audit entry). */
  async addKey(em: EntityManager, activatesAt: Date): Promise<SigningKey> {
    const { publicKey, privateKey } = await generateKeyPair(TOKEN_ALG, { crv: 'Ed25519', extractable: true });
    const kid = `${this.use}-${randomUUID().slice(0, 8)}`;
    const sealed = seal(this.dataKey, Buffer.from(JSON.stringify(await exportJWK(privateKey))));
    return em.create(SigningKey, {
      kid,
      use: this.use,
      publicJwk: { ...(await exportJWK(publicKey)), kid, alg: TOKEN_ALG, use: 'sig' },
      privateJwkEncrypted: sealed.toString('base64'),
      activatesAt,
    });
  }

  /** Picks up keys added or retired by other API copies; returns the stop function. */
  refreshEvery(ms: number, onError: (err: unknown) => void): () => void {
    const timer = setInterval(() => void this.reload().catch(onError), ms);
    timer.unref();
    return () => clearInterval(timer);
  }

  async reload(): Promise<void> {
    const rows = await this.em
      .fork()
      .find(SigningKey, { use: this.use, retiredAt: null }, { orderBy: { activatesAt: 'asc' } });
    const next = new Map<string, LoadedKey>();
    for (const row of rows) {
      const privateJwk = JSON.parse(
        open(this.dataKey, Buffer.from(row.privateJwkEncrypted, 'base64')).toString(),
      );
      next.set(row.kid, {
        kid: row.kid,
        publicJwk: row.publicJwk as JWK,
        publicKey: (await importJWK(row.publicJwk as JWK, TOKEN_ALG)) as CryptoKey,
        privateKey: (await importJWK(privateJwk, TOKEN_ALG)) as CryptoKey,
        activatesAt: row.activatesAt,
      });
    }
    this.keys = next;
    this.loadedAt = Date.now();
  }

  /** The newest key whose activation time has come. */
  signingKey(now = new Date()): LoadedKey | undefined {
    let best: LoadedKey | undefined;
    for (const k of this.keys.values())
      if (k.activatesAt <= now && (!best || k.activatesAt > best.activatesAt)) best = k;
    return best;
  }

  async verificationKey(kid: string): Promise<CryptoKey | undefined> {
    if (!this.keys.has(kid) && Date.now() - this.loadedAt > 5_000) await this.reload();
    return this.keys.get(kid)?.publicKey;
  }

  isLive(kid: string): boolean {
    return this.keys.has(kid);
  }

  jwks(): { keys: JWK[] } {
    return { keys: [...this.keys.values()].map((k) => k.publicJwk) };
  }
}
