import { DomainError } from '../common/errors.js';

export const AccessErrors = {
  unknownArea: (field = 'areaId') => new DomainError('UNKNOWN_AREA', '区域不存在', { field }),
  unknownSchedule: () => new DomainError('UNKNOWN_SCHEDULE', '时段不存在', { field: 'scheduleId' }),
  duplicateCode: (what: string) => new DomainError('DUPLICATE', `${what}编码已存在`, { field: 'code' }),
  badCode: () => new DomainError('VALIDATION', '编码为 1–32 位字母、数字、下划线或连字符', { field: 'code' }),
  sameAreas: () => new DomainError('SAME_AREAS', '通行点两侧不能是同一区域', { field: 'toAreaId' }),
  badWindow: () =>
    new DomainError('BAD_WINDOW', '授权结束时间须晚于开始时间，且不能早于现在', { field: 'validUntil' }),
  badSchedule: (why: string) =>
    new DomainError('BAD_SCHEDULE', `时段设置有误：${why}`, { field: 'intervals' }),
  badTimeZone: () => new DomainError('BAD_TIME_ZONE', '未知的时区', { field: 'timeZone' }),
  grantNotFound: () => new DomainError('NOT_FOUND', '授权不存在或已撤销'),
  badPolicy: (why: string) => new DomainError('VALIDATION', why),
};

export const CODE = /^[A-Za-z0-9_-]{1,32}$/;
