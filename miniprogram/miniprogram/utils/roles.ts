import type { Role } from '../gql/graphql';

// A Record over the generated Role union: a role added to the contract fails the type check here
// until it has a Chinese label.
const ROLE_LABELS: Record<Role, string> = {
  ADMIN: '管理员',
  HR: '人事',
  SECURITY: '安保',
  APPROVER: '审批人',
  CANTEEN: '食堂',
  EMPLOYEE: '员工',
  CONTRACTOR: '外协人员',
  VISITOR: '访客',
  DEVICE: '设备',
};

export function roleLabels(roles: readonly Role[]): string[] {
  return roles.map((role) => ROLE_LABELS[role]);
}
