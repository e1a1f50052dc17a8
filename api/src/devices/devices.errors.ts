import { DomainError } from '../common/errors.js';

export const DeviceErrors = {
  unknownDevice: () => new DomainError('UNKNOWN_DEVICE', '设备不存在', { field: 'deviceId' }),
  duplicateCode: () => new DomainError('DUPLICATE', '设备编码已存在', { field: 'code' }),
  badCode: () =>
    new DomainError('VALIDATION', '设备编码为 1–64 位字母、数字、下划线或连字符', { field: 'code' }),
  badSite: () =>
    new DomainError('VALIDATION', '站点编码为 1–64 位字母、数字、下划线或连字符', { field: 'siteId' }),
  unknownPoint: () => new DomainError('UNKNOWN_PASSAGE_POINT', '通行点不存在', { field: 'passagePointId' }),
  reasonRequired: () => new DomainError('REASON_REQUIRED', '请填写远程操作的原因', { field: 'reason' }),
  deviceDisabled: () => new DomainError('DEVICE_DISABLED', '设备已停用'),
  commandNotFound: () => new DomainError('NOT_FOUND', '指令不存在'),
  commandClosed: (status: string) =>
    new DomainError('COMMAND_CLOSED', `指令已结束（${status}），不能再回执`, { status }),
  alarmNotFound: () => new DomainError('NOT_FOUND', '告警不存在'),
  alarmClosed: () => new DomainError('ALARM_CLOSED', '告警已关闭'),
  noteRequired: () => new DomainError('NOTE_REQUIRED', '关闭告警须填写处置说明', { field: 'note' }),
};

/** The topic segment rule of the MQTT contract (`park/{site}/dev/{code}/…`). */
export const DEVICE_CODE = /^[A-Za-z0-9_-]{1,64}$/;
