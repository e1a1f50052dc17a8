import { describe, expect, it } from 'vitest';
import {
  emptyAreaForm,
  isValidOccupancy,
  isValidTwoPersonSeconds,
  parseQualifications,
  policyDefaults,
  toAreaInput,
} from './area-input';

describe('area input', () => {
  it('closes a key area to post defaults and makes its anti-passback hard', () => {
    expect(policyDefaults('KEY')).toEqual({ postDefaultsApply: false, antiPassback: 'HARD' });
    expect(policyDefaults('PRODUCTION')).toEqual({ postDefaultsApply: true, antiPassback: 'SOFT' });
    expect(policyDefaults('OFFICE')).toEqual({ postDefaultsApply: true, antiPassback: 'OFF' });
  });

  it('reads qualifications separated by commas, Chinese commas or spaces, once each', () => {
    expect(parseQualifications(' ELECTRICIAN，HAZCHEM、 ELECTRICIAN\nWELDER ')).toEqual([
      'ELECTRICIAN',
      'HAZCHEM',
      'WELDER',
    ]);
  });

  it('accepts an empty or positive whole occupancy and two-person seconds from 1 to 600', () => {
    expect([
      isValidOccupancy(''),
      isValidOccupancy('12'),
      isValidOccupancy('0'),
      isValidOccupancy('1.5'),
    ]).toEqual([true, true, false, false]);
    expect([
      isValidTwoPersonSeconds('30'),
      isValidTwoPersonSeconds('601'),
      isValidTwoPersonSeconds(''),
    ]).toEqual([true, false, false]);
  });

  it('sends numbers as numbers and leaves the two-person rule out unless it is on', () => {
    const values = {
      ...emptyAreaForm('prod', 'KEY'),
      name: ' 集控室 ',
      code: 'A2-1',
      maxOccupancy: '12',
      qualifications: 'ELECTRICIAN',
    };
    expect(toAreaInput(values)).toEqual({
      name: '集控室',
      code: 'A2-1',
      parentId: 'prod',
      securityLevel: 'KEY',
      postDefaultsApply: false,
      maxOccupancy: 12,
      antiPassback: 'HARD',
      twoPersonWithinSeconds: null,
      requiredQualifications: ['ELECTRICIAN'],
    });
    expect(
      toAreaInput({ ...values, twoPerson: true, twoPersonWithinSeconds: '45' }).twoPersonWithinSeconds,
    ).toBe(45);
  });
});
