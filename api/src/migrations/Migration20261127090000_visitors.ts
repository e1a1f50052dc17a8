import { Migration } from '@mikro-orm/migrations';

/**
 * Visitors: visits and their people, the watchlist (ID numbers as keyed hashes only), visitors'
 * photos (encrypted, with consent). Access gains the escort rule (an area's escort window, a grant's
 * escorts) and VISIT grants; vehicles a validity window (a visitor's car for the visit); alarms the
 * OVERSTAY and WATCHLIST_HIT kinds. Check constraints are replaced, never widened in place.
 */
export class Migration20261127090000_visitors extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "visit" (
      "id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null,
      "status" text check ("status" in ('PENDING', 'APPROVED', 'REJECTED', 'CANCELLED', 'CHECKED_IN', 'CHECKED_OUT', 'EXPIRED')) not null default 'PENDING',
      "source" text check ("source" in ('BOOKING', 'WALK_IN')) not null,
      "purpose" varchar(200) not null,
      "valid_from" timestamptz(3) not null, "valid_until" timestamptz(3) not null,
      "visitor_id" uuid not null references "person" ("id") on update cascade,
      "host_id" uuid not null references "person" ("id") on update cascade,
      "area_ids" uuid[] not null, "company" varchar(100) null, "plate" varchar(16) null,
      "approval_id" uuid null references "approval_request" ("id") on update cascade on delete set null,
      "rejection_reason" text null, "cancel_reason" varchar(255) null,
      "watchlist_hit" boolean not null default false, "security_note" text null,
      "decided_at" timestamptz(3) null, "checked_in_at" timestamptz(3) null, "checked_out_at" timestamptz(3) null,
      "registered_by" varchar(255) null, "grant_ids" uuid[] not null,
      constraint "visit_pkey" primary key ("id"),
      constraint "visit_window_order" check ("valid_until" > "valid_from"));`);
    this.addSql(`create index "visit_valid_from_index" on "visit" ("valid_from");`);
    this.addSql(`create index "visit_status_valid_until_index" on "visit" ("status", "valid_until");`);
    this.addSql(`create index "visit_host_id_valid_from_index" on "visit" ("host_id", "valid_from");`);
    this.addSql(`create index "visit_visitor_id_created_at_index" on "visit" ("visitor_id", "created_at");`);
    // The KPI reads a period of bookings.
    this.addSql(`create index "visit_created_at_index" on "visit" ("created_at");`);

    this.addSql(`create table "visit_person" (
      "id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null,
      "visit_id" uuid not null references "visit" ("id") on update cascade on delete cascade,
      "person_id" uuid not null references "person" ("id") on update cascade,
      "companion" boolean not null, "seq" int not null,
      constraint "visit_person_pkey" primary key ("id"));`);
    this.addSql(`create index "visit_person_person_id_index" on "visit_person" ("person_id");`);
    this.addSql(
      `alter table "visit_person" add constraint "visit_person_visit_id_person_id_unique" unique ("visit_id", "person_id");`,
    );

    this.addSql(`create table "watchlist_entry" (
      "id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null,
      "id_hash" varchar(64) not null, "id_number_masked" varchar(18) not null, "name" varchar(50) null,
      "reason" varchar(200) not null, "until" timestamptz(3) null, "created_by" varchar(255) null,
      "removed_at" timestamptz(3) null, "removed_by" varchar(255) null,
      constraint "watchlist_entry_pkey" primary key ("id"));`);
    this.addSql(`create index "watchlist_entry_id_hash_index" on "watchlist_entry" ("id_hash");`);

    this.addSql(`create table "person_photo" (
      "id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null,
      "person_id" uuid not null references "person" ("id") on update cascade on delete cascade,
      "mime_type" varchar(32) not null, "image_encrypted" bytea not null,
      "consent_at" timestamptz(3) not null, "consent_text" varchar(255) not null,
      constraint "person_photo_pkey" primary key ("id"));`);
    this.addSql(
      `alter table "person_photo" add constraint "person_photo_person_id_unique" unique ("person_id");`,
    );

    this.addSql(`alter table "area" add column "escort_within_seconds" int null;`);
    this.addSql(`alter table "access_grant" add column "escort_ids" uuid[] null;`);
    this.addSql(`alter table "access_grant" drop constraint if exists "access_grant_source_check";`);
    this.addSql(
      `alter table "access_grant" add constraint "access_grant_source_check" check ("source" in ('POST', 'PERSONAL', 'TEMPORARY', 'VISIT'));`,
    );
    this.addSql(
      `alter table "vehicle" add column "valid_from" timestamptz(3) null, add column "valid_until" timestamptz(3) null;`,
    );
    this.addSql(`alter table "alarm" drop constraint if exists "alarm_kind_check";`);
    this.addSql(
      `alter table "alarm" add constraint "alarm_kind_check" check ("kind" in ('FORCED_OPEN', 'HELD_OPEN', 'TAMPER', 'DEVICE_OFFLINE', 'REPEATED_FAILURES', 'OVERSTAY', 'WATCHLIST_HIT'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "alarm" where "kind" in ('OVERSTAY', 'WATCHLIST_HIT');`);
    this.addSql(`alter table "alarm" drop constraint if exists "alarm_kind_check";`);
    this.addSql(
      `alter table "alarm" add constraint "alarm_kind_check" check ("kind" in ('FORCED_OPEN', 'HELD_OPEN', 'TAMPER', 'DEVICE_OFFLINE', 'REPEATED_FAILURES'));`,
    );
    this.addSql(`alter table "vehicle" drop column "valid_from", drop column "valid_until";`);
    this.addSql(`delete from "access_grant" where "source" = 'VISIT';`);
    this.addSql(`alter table "access_grant" drop constraint if exists "access_grant_source_check";`);
    this.addSql(
      `alter table "access_grant" add constraint "access_grant_source_check" check ("source" in ('POST', 'PERSONAL', 'TEMPORARY'));`,
    );
    this.addSql(`alter table "access_grant" drop column "escort_ids";`);
    this.addSql(`alter table "area" drop column "escort_within_seconds";`);
    this.addSql(`drop table if exists "person_photo" cascade;`);
    this.addSql(`drop table if exists "watchlist_entry" cascade;`);
    this.addSql(`drop table if exists "visit_person" cascade;`);
    this.addSql(`drop table if exists "visit" cascade;`);
  }
}
