import { registerEnumType } from 'type-graphql';

export enum GrantSource {
  POST = 'POST',
  PERSONAL = 'PERSONAL',
  TEMPORARY = 'TEMPORARY',
}
registerEnumType(GrantSource, {
  name: 'GrantSource',
  description: '授权来源：岗位默认、个人、临时（作业审批）',
});
