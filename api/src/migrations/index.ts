import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124064945_foundation } from './Migration20261124064945_foundation.js';
import { Migration20261125090000_lost_card_numbers } from './Migration20261125090000_lost_card_numbers.js';
import { Migration20261125100000_access_control } from './Migration20261125100000_access_control.js';
import { Migration20261125110000_access_events } from './Migration20261125110000_access_events.js';
import { Migration20261126090000_approvals } from './Migration20261126090000_approvals.js';
import { Migration20261126100000_devices } from './Migration20261126100000_devices.js';
import { Migration20261127090000_visitors } from './Migration20261127090000_visitors.js';
import { Migration20261128090000_visit_escorts } from './Migration20261128090000_visit_escorts.js';

// Every migration, in order. Add new ones at the end; never edit one that has shipped.
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261124064945_foundation', class: Migration20261124064945_foundation },
  { name: 'Migration20261125090000_lost_card_numbers', class: Migration20261125090000_lost_card_numbers },
  { name: 'Migration20261125100000_access_control', class: Migration20261125100000_access_control },
  { name: 'Migration20261125110000_access_events', class: Migration20261125110000_access_events },
  { name: 'Migration20261126090000_approvals', class: Migration20261126090000_approvals },
  { name: 'Migration20261126100000_devices', class: Migration20261126100000_devices },
  { name: 'Migration20261127090000_visitors', class: Migration20261127090000_visitors },
  { name: 'Migration20261128090000_visit_escorts', class: Migration20261128090000_visit_escorts },
];
