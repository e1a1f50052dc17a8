import { describe, expect, it } from 'vitest';
import {
  type BookingDraft,
  checkBooking,
  fieldOfServerError,
} from '../miniprogram/packages/visitor/utils/booking-form';
import { BAD_CHECK_DIGIT_ID, COMPANION_ID, GOOD_ID } from './support/visits';

const NOW = Date.parse('2030-06-01T00:00:00.000Z'); // 08:00 at the plant

function draft(overrides: Partial<BookingDraft> = {}): BookingDraft {
  return {
    hostId: 'host-1',
    purpose: '设备检修洽谈',
    date: '2030-06-01',
    startTime: '09:00',
    endTime: '11:30',
    areas: [
      { id: 'area-office', name: '办公楼', needsSecurity: false, escortRequired: false, selected: true },
      { id: 'area-boiler', name: '锅炉房', needsSecurity: true, escortRequired: true, selected: false },
    ],
    name: '李访客',
    idNumber: GOOD_ID.toLowerCase(),
    phone: '+86 138 0013 8000',
    company: '',
    plate: '',
    companions: [],
    photoPath: '',
    photoConsent: false,
    ...overrides,
  };
}

describe('checking the booking form', () => {
  it('turns a good form into the bookVisit input, times in UTC and numbers normalised', () => {
    const { input, firstError } = checkBooking(draft({ plate: '京a 12345' }), NOW);

    expect(firstError).toBe('');
    expect(input).toEqual({
      hostId: 'host-1',
      purpose: '设备检修洽谈',
      validFrom: '2030-06-01T01:00:00.000Z',
      validUntil: '2030-06-01T03:30:00.000Z',
      areaIds: ['area-office'],
      name: '李访客',
      idNumber: GOOD_ID,
      phone: '13800138000',
      company: null,
      plate: '京A12345',
      companions: [],
    });
  });

  it('names the topmost problem first', () => {
    const { errors, firstError, input } = checkBooking(draft({ hostId: null, phone: '123' }), NOW);

    expect(input).toBeNull();
    expect(errors).toEqual({ host: '请选择被访人', phone: '请填写正确的手机号码' });
    expect(firstError).toBe('请选择被访人');
  });

  it('allows a start in the current minute but not before it', () => {
    expect(checkBooking(draft({ startTime: '08:00' }), NOW + 30_000).errors.window).toBeUndefined();
    expect(checkBooking(draft({ startTime: '07:59' }), NOW).errors.window).toBe('开始时间不能早于当前时间');
  });

  it('refuses a window that ends when it starts', () => {
    expect(checkBooking(draft({ endTime: '09:00' }), NOW).errors.window).toBe('结束时间须晚于开始时间');
  });

  it('wants at least one area', () => {
    const areas = draft().areas.map((area) => ({ ...area, selected: false }));
    expect(checkBooking(draft({ areas }), NOW).errors.areas).toBe('请至少选择一个到访区域');
  });

  it('checks every companion and says which one is wrong', () => {
    const companions = [
      { key: 'a', name: '张同行', idNumber: COMPANION_ID, error: '' },
      { key: 'b', name: '赵同行', idNumber: BAD_CHECK_DIGIT_ID, error: '' },
    ];

    const result = checkBooking(draft({ companions }), NOW);

    expect(result.companionErrors).toEqual(['', '身份证号码校验位不正确，请核对']);
    expect(result.errors.companions).toBe('同行人 2：身份证号码校验位不正确，请核对');
  });

  it('refuses the same person twice in one visit', () => {
    const companions = [{ key: 'a', name: '李访客', idNumber: GOOD_ID, error: '' }];

    expect(checkBooking(draft({ companions }), NOW).companionErrors).toEqual(['身份证号码与其他来访人重复']);
  });

  it('refuses a plate that is not a Chinese plate', () => {
    expect(checkBooking(draft({ plate: '京I12345' }), NOW).errors.plate).toContain('车牌号格式不正确');
  });

  it('wants consent before a photo is sent', () => {
    expect(checkBooking(draft({ photoPath: 'wxfile://a.jpg' }), NOW).errors.photo).toBe(
      '上传照片须先勾选同意照片采集说明',
    );
    expect(
      checkBooking(draft({ photoPath: 'wxfile://a.jpg', photoConsent: true }), NOW).input,
    ).not.toBeNull();
  });
});

describe('placing a server error on the form', () => {
  it.each([
    ['hostId', 'host'],
    ['validFrom', 'window'],
    ['companions[1].idNumber', 'companions'],
    ['photoConsent', 'photo'],
    ['installationId', null],
    [undefined, null],
  ])('puts %s on %s', (field, expected) => {
    expect(fieldOfServerError(field)).toBe(expected);
  });
});
