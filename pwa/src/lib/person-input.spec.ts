import { describe, expect, it } from 'vitest';
import type { PersonDetailFragment } from '../gql/graphql';
import { formValuesFrom, toPersonInput } from './person-input';
import { isValidIdNumber, isValidMobile } from './validators';

const person: PersonDetailFragment = {
  id: '7',
  name: '张三',
  employeeNo: 'E001',
  gender: 'MALE',
  idNumber: '110101********1234',
  phone: '13800138000',
  type: 'EMPLOYEE',
  status: 'ACTIVE',
  entryDate: '2020-01-01',
  exitDate: null,
  exitAt: null,
  orgUnit: { id: 'u1', name: '运行部', fullName: '一号电厂/运行部' },
  post: null,
  company: null,
  cards: [],
  vehicles: [],
  hasFace: false,
  hasFingerprint: false,
  wechatBound: false,
  updatedAt: '2024-01-01T00:00:00Z',
};

describe('person form input', () => {
  it('sends only the phone when only the phone changed, never the masked ID number', () => {
    const values = { ...formValuesFrom(person), phone: '13900139000' };
    expect(toPersonInput(values, person)).toEqual({ phone: '13900139000' });
  });

  it('sends a cleared department as null so the server removes it', () => {
    expect(toPersonInput({ ...formValuesFrom(person), orgUnitId: null }, person)).toEqual({
      orgUnitId: null,
    });
  });

  it('sends every filled-in field, and nothing empty, for a new person', () => {
    const values = { ...formValuesFrom(null), name: ' 李四 ', idNumber: '11010519491231002x' };
    expect(toPersonInput(values, null)).toEqual({
      name: '李四',
      gender: 'UNKNOWN',
      type: 'EMPLOYEE',
      idNumber: '11010519491231002X',
    });
  });
});

describe('validators', () => {
  it('accepts an ID number whose check character matches and rejects one that does not', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('1101051949123100')).toBe(false);
  });

  it('accepts mainland mobile numbers only', () => {
    expect(isValidMobile('13800138000')).toBe(true);
    expect(isValidMobile('12800138000')).toBe(false);
    expect(isValidMobile('1380013800')).toBe(false);
  });
});
