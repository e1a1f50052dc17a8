import type { AlarmFieldsFragment, DeviceCommandFieldsFragment, DeviceFieldsFragment } from '../gql/graphql';
import { CONTROL_DOOR } from './access-fixtures';

export function device(id: string, over: Partial<DeviceFieldsFragment> = {}): DeviceFieldsFragment {
  return {
    id,
    code: id.toUpperCase(),
    name: '集控室门读头（进）',
    kind: 'DOOR',
    driver: 'simulator',
    siteId: 'donggang',
    passagePointId: CONTROL_DOOR.id,
    direction: 'IN',
    enabled: true,
    online: true,
    lastSeenAt: new Date().toISOString(),
    stateSince: '2030-05-01T00:00:00Z',
    ...over,
  };
}

export function alarm(id: string, over: Partial<AlarmFieldsFragment> = {}): AlarmFieldsFragment {
  return {
    id,
    kind: 'FORCED_OPEN',
    status: 'OPEN',
    message: '集控室门读头（进）（CCR-IN）：门被强行打开',
    deviceCode: 'CCR-IN',
    passagePointId: CONTROL_DOOR.id,
    raisedAt: new Date().toISOString(),
    acknowledgedAt: null,
    acknowledgedBy: null,
    closedAt: null,
    closedBy: null,
    note: null,
    ...over,
  };
}

export function command(
  id: string,
  over: Partial<DeviceCommandFieldsFragment> = {},
): DeviceCommandFieldsFragment {
  return {
    id,
    kind: 'OPEN',
    status: 'PENDING',
    reason: '消防演练',
    requestedBy: 'security',
    result: null,
    createdAt: '2030-05-01T04:00:00Z',
    completedAt: null,
    expiresAt: '2030-05-01T04:05:00Z',
    ...over,
  };
}
