import { Migration } from '@mikro-orm/migrations';

/** A lost card that was replaced or voided without coming back keeps its number blocked. */
export class Migration20261125090000_lost_card_numbers extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index "card_number_live_unique";`);
    this.addSql(`create unique index "card_number_taken_unique" on "card" ("number")
      where "status" in ('ACTIVE', 'LOST') or ("lost_at" is not null and "returned_at" is null);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "card_number_taken_unique";`);
    this.addSql(
      `create unique index "card_number_live_unique" on "card" ("number") where "status" in ('ACTIVE', 'LOST');`,
    );
  }
}
