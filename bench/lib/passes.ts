import { randomUUID } from 'node:crypto';
import { issuePassBatch, type PassSigner } from '@park/core';

export interface IssuedPass {
  token: string;
  personId: string;
}

/**
 * `count` distinct passes (each its own jti) for `people` people of `site`, all valid from `from` for
 * 60 s, issued by the real issuer the API's `passCodes` uses. Sizes are the production ones: UUID
 * person, installation and site ids.
 */
export async function issuePasses(
  signer: PassSigner,
  opts: { people: string[]; site: string; from: number; count: number },
): Promise<IssuedPass[]> {
  const phones = opts.people.map(() => randomUUID());
  const out: IssuedPass[] = [];
  const CHUNK = 500;
  for (let start = 0; start < opts.count; start += CHUNK) {
    const chunk = await Promise.all(
      Array.from({ length: Math.min(CHUNK, opts.count - start) }, async (_, i) => {
        const who = (start + i) % opts.people.length;
        const personId = opts.people[who]!;
        const batch = await issuePassBatch(signer, {
          personId,
          installationId: phones[who]!,
          site: opts.site,
          from: opts.from,
          count: 1,
        });
        return { token: batch.codes[0]!.token, personId };
      }),
    );
    out.push(...chunk);
  }
  return out;
}
