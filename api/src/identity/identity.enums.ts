import { registerEnumType } from 'type-graphql';

export enum PersonType {
  EMPLOYEE = 'EMPLOYEE',
  CONTRACTOR = 'CONTRACTOR',
  VISITOR = 'VISITOR',
  OTHER = 'OTHER',
}
export enum PersonStatus {
  ACTIVE = 'ACTIVE',
  INACTIVE = 'INACTIVE',
}
export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
  UNKNOWN = 'UNKNOWN',
}
export enum CardStatus {
  ACTIVE = 'ACTIVE',
  LOST = 'LOST',
  REPLACED = 'REPLACED',
  RETURNED = 'RETURNED',
  VOIDED = 'VOIDED',
}
export enum OrgUnitKind {
  COMPANY = 'COMPANY',
  DEPARTMENT = 'DEPARTMENT',
  TEAM = 'TEAM',
}
export enum VehicleType {
  CAR = 'CAR',
  TRUCK = 'TRUCK',
  BUS = 'BUS',
  MOTORCYCLE = 'MOTORCYCLE',
  OTHER = 'OTHER',
}
export enum BiometricKind {
  FACE = 'FACE',
  FINGERPRINT = 'FINGERPRINT',
}

registerEnumType(PersonType, { name: 'PersonType', description: '人员类型：职工、外协人员、访客、其他' });
registerEnumType(PersonStatus, { name: 'PersonStatus' });
registerEnumType(Gender, { name: 'Gender' });
registerEnumType(CardStatus, {
  name: 'CardStatus',
  description: '卡状态：正常、挂失、已补卡、已退卡、已作废',
});
registerEnumType(OrgUnitKind, { name: 'OrgUnitKind', description: '组织层级：公司、部门、班组' });
registerEnumType(VehicleType, { name: 'VehicleType' });
registerEnumType(BiometricKind, { name: 'BiometricKind' });
