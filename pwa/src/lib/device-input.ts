import type { DeviceKind, PassageDirection, RegisterDeviceInput } from '../gql/graphql';

/** The topic segment rule of the MQTT contract (`park/{site}/dev/{code}/…`), for codes and sites alike. */
export const TOPIC_SEGMENT = /^[A-Za-z0-9_-]{1,64}$/;
export const DEVICE_KINDS: readonly DeviceKind[] = [
  'TURNSTILE',
  'DOOR',
  'BARRIER',
  'ELEVATOR',
  'READER',
  'POS',
  'PLATE_CAMERA',
];
export const DEFAULT_DRIVER = 'generic-json';

export interface DeviceFormValues {
  code: string;
  name: string;
  kind: DeviceKind;
  driver: string;
  siteId: string;
  passagePointId: string | null;
  /** '' for both ways. */
  direction: PassageDirection | '';
}

export function emptyDeviceForm(siteId = ''): DeviceFormValues {
  return {
    code: '',
    name: '',
    kind: 'TURNSTILE',
    driver: DEFAULT_DRIVER,
    siteId,
    passagePointId: null,
    direction: '',
  };
}

export function toRegisterDeviceInput(values: DeviceFormValues): RegisterDeviceInput {
  return {
    code: values.code.trim(),
    name: values.name.trim(),
    kind: values.kind,
    driver: values.driver.trim() || DEFAULT_DRIVER,
    siteId: values.siteId.trim(),
    passagePointId: values.passagePointId,
    direction: values.direction || null,
  };
}

/** The site most devices are on: what a new device most likely joins. */
export function usualSite(devices: readonly { siteId: string }[]): string {
  const counts = new Map<string, number>();
  for (const { siteId } of devices) counts.set(siteId, (counts.get(siteId) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}
