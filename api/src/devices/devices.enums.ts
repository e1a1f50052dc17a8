import { registerEnumType } from 'type-graphql';

export enum DeviceKind {
  TURNSTILE = 'TURNSTILE',
  DOOR = 'DOOR',
  BARRIER = 'BARRIER',
  ELEVATOR = 'ELEVATOR',
  READER = 'READER',
  POS = 'POS',
  PLATE_CAMERA = 'PLATE_CAMERA',
}
registerEnumType(DeviceKind, {
  name: 'DeviceKind',
  description: '设备类型：闸机、门禁控制器、道闸、电梯控制器、读头/扫码器、消费机、车牌识别相机',
});

export enum DeviceCommandKind {
  OPEN = 'OPEN',
  LOCK = 'LOCK',
  UNLOCK = 'UNLOCK',
  RESYNC = 'RESYNC',
}
registerEnumType(DeviceCommandKind, {
  name: 'DeviceCommandKind',
  description: '远程指令：开门一次、锁定（拒绝一切通行）、解除锁定、重新同步',
});

export enum DeviceCommandStatus {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(DeviceCommandStatus, { name: 'DeviceCommandStatus', description: '指令状态' });

export enum AlarmKind {
  FORCED_OPEN = 'FORCED_OPEN',
  HELD_OPEN = 'HELD_OPEN',
  TAMPER = 'TAMPER',
  DEVICE_OFFLINE = 'DEVICE_OFFLINE',
  REPEATED_FAILURES = 'REPEATED_FAILURES',
  OVERSTAY = 'OVERSTAY',
  WATCHLIST_HIT = 'WATCHLIST_HIT',
}
registerEnumType(AlarmKind, {
  name: 'AlarmKind',
  description:
    '告警：门被强行打开、门长时间未关、设备防拆、设备离线、连续 5 次验证失败、访客超时滞留、观察名单人员预约/登记',
});

export enum AlarmStatus {
  OPEN = 'OPEN',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  CLOSED = 'CLOSED',
}
registerEnumType(AlarmStatus, { name: 'AlarmStatus', description: '告警状态：未处理、已确认、已关闭' });

export const ALARM_LABELS: Record<AlarmKind, string> = {
  FORCED_OPEN: '门被强行打开',
  HELD_OPEN: '门长时间未关',
  TAMPER: '设备防拆报警',
  DEVICE_OFFLINE: '设备离线',
  REPEATED_FAILURES: '连续 5 次验证失败',
  OVERSTAY: '访客超时滞留',
  WATCHLIST_HIT: '观察名单人员预约/登记',
};
