import { describe, expect, it } from 'vitest';
import { checkIdNumber, genderFromIdNumber, idNumberCheckChar, maskIdNumber } from './id-number.js';
import { isValidPhone, maskPhone, normalizePhone } from './phone.js';
import { parsePlate } from './plate.js';

describe('resident ID numbers (GB 11643)', () => {
  it('accepts the standard example with an X check character', () => {
    expect(checkIdNumber('11010519491231002X')).toBeNull();
  });
  it('accepts a lower-case x', () => {
    expect(checkIdNumber('11010519491231002x')).toBeNull();
  });
  it('refuses a number whose check digit does not match', () => {
    expect(checkIdNumber('110105194912310021')).toBe('CHECK_DIGIT');
  });
  it('refuses an impossible birth date even with a matching check digit', () => {
    const first17 = '11010519490230002';
    expect(checkIdNumber(first17 + idNumberCheckChar(first17))).toBe('BIRTH_DATE');
  });
  it('refuses a birth date in the future', () => {
    const first17 = '11010520991231002';
    expect(checkIdNumber(first17 + idNumberCheckChar(first17))).toBe('BIRTH_DATE');
  });
  it('refuses 15-digit and non-numeric numbers', () => {
    expect(checkIdNumber('110105491231002')).toBe('FORMAT');
    expect(checkIdNumber('11010519491231A02X')).toBe('FORMAT');
  });
  it('reads gender from the sequence digit', () => {
    expect(genderFromIdNumber('11010519491231002X')).toBe('FEMALE');
    expect(genderFromIdNumber(`${'110105194912310010'.slice(0, 16)}1X`)).toBe('MALE');
  });
  it('masks all but region and last four', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
});

describe('plates', () => {
  it('accepts a regular blue plate and normalises spaces and case', () => {
    expect(parsePlate('京a·12345')).toEqual({ plate: '京A12345', newEnergy: false });
  });
  it('accepts small and large new-energy plates', () => {
    expect(parsePlate('粤BD12345')).toEqual({ plate: '粤BD12345', newEnergy: true });
    expect(parsePlate('沪A12345F')).toEqual({ plate: '沪A12345F', newEnergy: true });
  });
  it('accepts trailer and coach plates', () => {
    expect(parsePlate('冀E1234挂')?.plate).toBe('冀E1234挂');
    expect(parsePlate('苏A1234学')?.plate).toBe('苏A1234学');
  });
  it('refuses plates with I or O, unknown provinces, or wrong length', () => {
    expect(parsePlate('京I12345')).toBeNull();
    expect(parsePlate('京AO1234')).toBeNull();
    expect(parsePlate('X A12345')).toBeNull();
    expect(parsePlate('京A1234')).toBeNull();
    expect(parsePlate('京A1234567')).toBeNull();
  });
});

describe('phones', () => {
  it('accepts mobiles with or without +86 and landlines with area code', () => {
    expect(isValidPhone('13800138000')).toBe(true);
    expect(isValidPhone('+86 138 0013 8000')).toBe(true);
    expect(isValidPhone('010-62345678')).toBe(true);
    expect(normalizePhone('+86 138 0013 8000')).toBe('13800138000');
  });
  it('refuses short numbers and numbers starting 12', () => {
    expect(isValidPhone('1380013800')).toBe(false);
    expect(isValidPhone('12800138000')).toBe(false);
  });
  it('masks the middle four digits of a mobile', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
  });
});
