import { DEVICE_KINDS } from '../../kinds/index.js';
import type { DriverDefinition } from '../driver.js';
import { commandToJson, doorFromJson, scanFromJson } from './converters.js';

export const genericJson: DriverDefinition = {
  name: 'generic-json',
  kinds: DEVICE_KINDS,
  fromDevice: { scan: scanFromJson, door: doorFromJson },
  toDevice: {
    unlock: (command) => commandToJson('unlock', command),
    deny: (command) => commandToJson('deny', command),
  },
};
