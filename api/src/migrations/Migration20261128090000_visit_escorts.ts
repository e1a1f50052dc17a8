import { Migration } from '@mikro-orm/migrations';

/** A visit's designated escorts (陪同人), besides its host. */
export class Migration20261128090000_visit_escorts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "visit" add column "escort_ids" uuid[] not null default '{}';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "visit" drop column "escort_ids";`);
  }
}
