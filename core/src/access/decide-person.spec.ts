import { describe, expect, it } from 'vitest';
import { EMPLOYEE, entry, grant, NOW, point } from './access.fixtures.js';
import { decide } from './decide.js';
import { DENY_MESSAGES, DENY_REASONS, deny } from './deny-reasons.js';

describe('who is scanning', () => {
  it('lets an active employee with a valid card and a grant into the boiler house', () => {
    expect(decide(entry('boiler'))).toEqual({
      allow: true,
      grantId: 'g-boiler',
      presenceAfter: 'boiler',
      antiPassbackViolation: false,
      releasedScan: null,
      startNormalOpen: false,
    });
  });

  it('refuses a card reported lost, even to someone who is otherwise allowed', () => {
    const d = decide(entry('boiler', { credential: { kind: 'CARD', status: 'LOST' } }));
    expect(d).toMatchObject({ allow: false, reason: 'CARD_LOST', message: '此卡已挂失，禁止通行' });
  });

  it('says the card is lost rather than the person inactive when both hold', () => {
    const d = decide(
      entry('boiler', {
        person: { ...EMPLOYEE, status: 'INACTIVE' },
        credential: { kind: 'CARD', status: 'LOST' },
      }),
    );
    expect(d).toMatchObject({ reason: 'CARD_LOST' });
  });

  it('refuses a person who has been offboarded', () => {
    const d = decide(entry('boiler', { person: { ...EMPLOYEE, status: 'INACTIVE' } }));
    expect(d).toMatchObject({ allow: false, reason: 'PERSON_INACTIVE' });
  });

  it('refuses a returned, replaced or voided card and names its status', () => {
    for (const status of ['RETURNED', 'REPLACED', 'VOIDED'] as const) {
      const d = decide(entry('boiler', { credential: { kind: 'CARD', status } }));
      expect(d).toEqual({
        allow: false,
        reason: 'CARD_INVALID',
        message: DENY_MESSAGES.CARD_INVALID,
        detail: status,
      });
    }
  });

  it('accepts a verified QR pass and a face match like a card', () => {
    expect(decide(entry('boiler', { credential: { kind: 'QR' } })).allow).toBe(true);
    expect(decide(entry('boiler', { credential: { kind: 'FACE' } })).allow).toBe(true);
  });

  it('refuses a passage point whose area is not in the site data', () => {
    expect(decide(entry('boiler', { point: point('nowhere') }))).toMatchObject({ reason: 'NO_GRANT' });
  });
});

describe('leaving', () => {
  const exit = (over = {}) =>
    entry('control', { direction: 'OUT', grants: [], state: { presenceAreaId: 'control' }, ...over });

  it('lets a contractor out of the control room after the grant window has closed', () => {
    const expired = grant('control', { validUntil: NOW - 60_000 });
    expect(decide(exit({ grants: [expired] }))).toMatchObject({
      allow: true,
      grantId: null,
      presenceAfter: 'production',
    });
  });

  it('still refuses a lost card on the way out', () => {
    expect(decide(exit({ credential: { kind: 'CARD', status: 'LOST' } }))).toMatchObject({
      reason: 'CARD_LOST',
    });
  });

  it('lets someone through the park gate out to the public road', () => {
    const gate = { ...point('plant'), kind: 'TURNSTILE' as const };
    const d = decide(
      entry('plant', { point: gate, direction: 'OUT', grants: [], state: { presenceAreaId: 'office' } }),
    );
    expect(d).toMatchObject({ allow: true, presenceAfter: null });
  });
});

describe('the one vocabulary of refusals', () => {
  it('has a Chinese message for every reason, including those the QR verifier produces', () => {
    expect(DENY_REASONS).toHaveLength(20);
    for (const qr of ['QR_EXPIRED', 'QR_REPLAYED', 'QR_BAD_SIGNATURE', 'QR_MALFORMED'])
      expect(DENY_REASONS).toContain(qr);
    for (const reason of DENY_REASONS) expect(DENY_MESSAGES[reason]).toMatch(/[\u4e00-\u9fff]/);
    expect(deny('QR_REPLAYED')).toEqual({
      allow: false,
      reason: 'QR_REPLAYED',
      message: DENY_MESSAGES.QR_REPLAYED,
    });
  });

  it('builds a refusal for a card number nobody holds, with the number as detail', () => {
    expect(deny('CARD_INVALID', '0012345678')).toMatchObject({
      reason: 'CARD_INVALID',
      detail: '0012345678',
    });
  });
});
