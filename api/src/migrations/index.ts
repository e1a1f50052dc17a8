import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124064945_foundation } from './Migration20261124064945_foundation.js';

// Every migration, in order. Add new ones at the end; never edit one that has shipped.
export const migrationsList: MigrationObject[] = [{ name: 'Migration20261124064945_foundation', class: Migration20261124064945_foundation }];
