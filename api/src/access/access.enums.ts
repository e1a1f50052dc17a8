import { registerEnumType } from 'type-graphql';

export enum GrantSource {
  POST = 'POST',
  PERSONAL = 'PERSONAL',
  TEMPORARY = 'TEMPORARY',
  VISIT = 'VISIT',
}
registerEnumType(GrantSource, {
  name: 'GrantSource',
  description: '授权来源：岗位默认、个人、临时（作业审批）、访客预约',
});

export enum SecurityLevel {
  PUBLIC = 'PUBLIC',
  OFFICE = 'OFFICE',
  PRODUCTION = 'PRODUCTION',
  KEY = 'KEY',
}
registerEnumType(SecurityLevel, {
  name: 'SecurityLevel',
  description: '区域安全等级：公共、办公/生活、生产、重点区域（集控室、配电室、油库、煤场、危化品区）',
});

export enum AntiPassbackMode {
  HARD = 'HARD',
  SOFT = 'SOFT',
  OFF = 'OFF',
}
registerEnumType(AntiPassbackMode, {
  name: 'AntiPassbackMode',
  description: '防回传：拒绝 / 放行并告警 / 关闭',
});

export enum PassageKind {
  DOOR = 'DOOR',
  TURNSTILE = 'TURNSTILE',
  BARRIER = 'BARRIER',
  ELEVATOR = 'ELEVATOR',
}
registerEnumType(PassageKind, { name: 'PassageKind', description: '通行点类型：门、闸机通道、道闸、电梯' });

export enum FailMode {
  SAFE = 'SAFE',
  SECURE = 'SECURE',
}
registerEnumType(FailMode, {
  name: 'FailMode',
  description: '断电/故障时：SAFE 失效开启（消防疏散通道），SECURE 失效锁闭（重点区域）',
});
