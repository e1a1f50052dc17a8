import { describe, expect, it } from 'vitest';
import { AREAS, EMPLOYEE, entry, grant, NOW, siteWith } from './access.fixtures.js';
import type { Person } from './access.types.js';
import { decide } from './decide.js';

describe('required qualifications', () => {
  const oilGrant = [grant('oil')];
  const held = (q: Record<string, number | null>): Person => ({
    ...EMPLOYEE,
    type: 'CONTRACTOR',
    qualifications: q,
  });
  const oil = (person: Person) =>
    decide(
      entry('oil', {
        person,
        grants: oilGrant,
        state: { pendingScans: [{ scanId: 's0', personId: 'p-li', at: NOW - 5000 }] },
      }),
    );

  it('refuses a contractor without the hazardous-chemicals training', () => {
    expect(oil(held({}))).toMatchObject({ reason: 'TRAINING_MISSING', detail: 'HAZCHEM' });
  });

  it('refuses a contractor whose certificate expired yesterday', () => {
    expect(oil(held({ HAZCHEM: NOW - 86_400_000 }))).toMatchObject({
      reason: 'CERTIFICATE_EXPIRED',
      detail: 'HAZCHEM',
    });
  });

  it('admits a contractor with a certificate valid until next year', () => {
    expect(oil(held({ HAZCHEM: NOW + 365 * 86_400_000 })).allow).toBe(true);
  });

  it('does not mistake an inherited object property for a qualification', () => {
    const area = { ...AREAS[1], policy: { ...AREAS[1].policy, requiredQualifications: ['constructor'] } };
    const site = siteWith([AREAS[0], area]);
    expect(decide(entry('office', { person: held({}), grants: [grant('office')], site }))).toMatchObject({
      reason: 'TRAINING_MISSING',
      detail: 'constructor',
    });
  });

  it('requires what the surrounding areas require too', () => {
    const plant = {
      ...AREAS[0],
      policy: { ...AREAS[0].policy, requiredQualifications: ['SAFETY_INDUCTION'] },
    };
    const site = siteWith([plant, ...AREAS.slice(1)]);
    expect(decide(entry('boiler', { person: held({}), site }))).toMatchObject({ detail: 'SAFETY_INDUCTION' });
  });
});
