import { registerEnumType } from 'type-graphql';

/** The one list of what a caller may do. Roles are bundles of these; resolvers ask for these, never roles. */
export enum Permission {
  SELF_READ = 'SELF_READ',
  PERSON_READ = 'PERSON_READ',
  PERSON_READ_ALL = 'PERSON_READ_ALL',
  PERSON_READ_SENSITIVE = 'PERSON_READ_SENSITIVE',
  PERSON_WRITE = 'PERSON_WRITE',
  PERSON_OFFBOARD = 'PERSON_OFFBOARD',
  PERSON_IMPORT = 'PERSON_IMPORT',
  PERSON_EXPORT = 'PERSON_EXPORT',
  CARD_MANAGE = 'CARD_MANAGE',
  CARD_REPORT_LOST = 'CARD_REPORT_LOST',
  VEHICLE_MANAGE = 'VEHICLE_MANAGE',
  BIOMETRIC_ENROLL = 'BIOMETRIC_ENROLL',
  ORG_READ = 'ORG_READ',
  ORG_WRITE = 'ORG_WRITE',
  ROLE_MANAGE = 'ROLE_MANAGE',
  AUDIT_READ = 'AUDIT_READ',
  KPI_READ = 'KPI_READ',
  SYSTEM_CONFIG = 'SYSTEM_CONFIG',
  ACCESS_READ = 'ACCESS_READ',
  ACCESS_ADMIN = 'ACCESS_ADMIN',
  GRANT_MANAGE = 'GRANT_MANAGE',
  ACCESS_DECIDE = 'ACCESS_DECIDE',
  PASS_SELF = 'PASS_SELF',
  DEVICE_SYNC = 'DEVICE_SYNC',
  DEVICE_COMMAND = 'DEVICE_COMMAND',
  ALARM_HANDLE = 'ALARM_HANDLE',
  APPROVAL_REQUEST = 'APPROVAL_REQUEST',
  APPROVAL_DECIDE = 'APPROVAL_DECIDE',
  /** A visitor books visits, sees their own and gets their pass (mini-program). */
  VISIT_BOOK = 'VISIT_BOOK',
  /** One visit, host search, cancel, live status: the visitor, the host (any staff) or 保卫部; the service checks which. */
  VISIT_READ = 'VISIT_READ',
  /** The visitor desk at the gate (保卫部): walk-ins, today's visits, check-out, every visit's trail. */
  VISIT_DESK = 'VISIT_DESK',
  /** The watchlist (观察名单) of people refused a visit. */
  WATCHLIST_MANAGE = 'WATCHLIST_MANAGE',
}

export enum Role {
  ADMIN = 'ADMIN',
  HR = 'HR',
  SECURITY = 'SECURITY',
  APPROVER = 'APPROVER',
  CANTEEN = 'CANTEEN',
  EMPLOYEE = 'EMPLOYEE',
  CONTRACTOR = 'CONTRACTOR',
  VISITOR = 'VISITOR',
  DEVICE = 'DEVICE',
}

registerEnumType(Role, { name: 'Role', description: '角色' });

const P = Permission;
// Anyone on the staff may be a named approver or a department head, so deciding is for everyone;
// which requests a caller may decide is checked against each step's candidates.
const SELF = [
  P.SELF_READ,
  P.PERSON_READ,
  P.CARD_REPORT_LOST,
  P.PASS_SELF,
  P.APPROVAL_REQUEST,
  P.APPROVAL_DECIDE,
  // Any member of staff may host a visitor.
  P.VISIT_READ,
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  [Role.ADMIN]: Object.values(Permission).filter((p) => p !== P.DEVICE_SYNC),
  [Role.HR]: [
    ...SELF,
    P.PERSON_READ_ALL,
    P.PERSON_READ_SENSITIVE,
    P.PERSON_WRITE,
    P.PERSON_OFFBOARD,
    P.PERSON_IMPORT,
    P.PERSON_EXPORT,
    P.CARD_MANAGE,
    P.VEHICLE_MANAGE,
    P.BIOMETRIC_ENROLL,
    P.ORG_READ,
    P.ORG_WRITE,
    P.KPI_READ,
  ],
  // 保卫部 runs the doors: areas, passage points, schedules and who may go where.
  [Role.SECURITY]: [
    P.ACCESS_READ,
    P.ACCESS_ADMIN,
    P.GRANT_MANAGE,
    P.ACCESS_DECIDE,
    P.DEVICE_COMMAND,
    P.ALARM_HANDLE,
    P.VISIT_DESK,
    P.WATCHLIST_MANAGE,
    ...SELF,
    P.PERSON_READ_ALL,
    P.CARD_MANAGE,
    P.VEHICLE_MANAGE,
    P.ORG_READ,
    P.AUDIT_READ,
    P.KPI_READ,
  ],
  // Department heads: PERSON_READ without PERSON_READ_ALL, so the service narrows them to their units.
  [Role.APPROVER]: [...SELF, P.ORG_READ],
  [Role.CANTEEN]: [...SELF, P.PERSON_READ_ALL, P.ORG_READ],
  [Role.EMPLOYEE]: SELF,
  [Role.CONTRACTOR]: [P.SELF_READ, P.PERSON_READ, P.PASS_SELF, P.APPROVAL_REQUEST],
  // A visitor's pass opens only what an approved visit grants (the gate decides), so issuing it is safe.
  [Role.VISITOR]: [P.SELF_READ, P.PERSON_READ, P.PASS_SELF, P.VISIT_BOOK, P.VISIT_READ],
  [Role.DEVICE]: [P.DEVICE_SYNC, P.ACCESS_DECIDE],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r] ?? []));
}
