import { describe, expect, it } from 'vitest';
import * as core from '../../core/src/id-number';
import * as corePhone from '../../core/src/phone';
import * as corePlate from '../../core/src/plate';
import {
  checkIdNumber,
  idNumberCheckChar,
  idNumberError,
} from '../miniprogram/packages/visitor/utils/id-number';
import { isValidPhone } from '../miniprogram/packages/visitor/utils/phone';
import { parsePlate } from '../miniprogram/packages/visitor/utils/plate';

// The mini-program carries ports of core's validators; these cases keep the two in step.
const ID_NUMBERS = [
  '11010519491231002X',
  '11010519491231002x',
  '110105194912310021',
  '440524198001010013',
  '440524198001010014',
  `11010519490230002${core.idNumberCheckChar('11010519490230002')}`,
  `11010520991231002${core.idNumberCheckChar('11010520991231002')}`,
  '110105491231002',
  '11010519491231A02X',
  '',
  ' 11010519491231002X ',
];
const PLATES = [
  '京a·12345',
  '粤BD12345',
  '沪A12345F',
  '冀E1234挂',
  '京I12345',
  '京AO1234',
  '京A1234',
  '使123456',
  '京A1234领',
];
const PHONES = ['13800138000', '+86 138 0013 8000', '010-62345678', '1380013800', '12800138000', ''];

describe('the ported GB 11643 validator', () => {
  it.each(ID_NUMBERS)('agrees with core about %s', (id) => {
    expect(checkIdNumber(id)).toBe(core.checkIdNumber(id));
  });

  it('computes the same check character for every possible sum', () => {
    for (let i = 0; i < 200; i++) {
      const first17 = `110105${String(19000101 + i * 37).padStart(8, '0')}${String(i).padStart(3, '0')}`;
      expect(idNumberCheckChar(first17)).toBe(core.idNumberCheckChar(first17));
    }
  });

  it('words each problem in Chinese for the form', () => {
    expect(idNumberError('110105194912310021')).toBe('身份证号码校验位不正确，请核对');
    expect(idNumberError('12345')).toBe('身份证号码应为 18 位');
    expect(idNumberError('11010519491231002X')).toBe('');
  });
});

describe('the ported plate and phone validators', () => {
  it.each(PLATES)('agree with core about the plate %s', (plate) => {
    expect(parsePlate(plate)).toBe(corePlate.parsePlate(plate)?.plate ?? null);
  });

  it.each(PHONES)('agree with core about the phone %s', (phone) => {
    expect(isValidPhone(phone)).toBe(corePhone.isValidPhone(phone));
  });
});
