import { Migration } from '@mikro-orm/migrations';

/**
 * Access events, append-only and partitioned by month (kept ≥ 12 months; old months leave by
 * detaching whole partitions, never by deleting rows), and presence: who is in which area now.
 */
export class Migration20261125110000_access_events extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "access_event" (
      "id" uuid not null default gen_random_uuid(),
      "occurred_at" timestamptz(3) not null,
      "received_at" timestamptz(3) not null default now(),
      "device_id" varchar(64) not null,
      "device_seq" bigint not null,
      "passage_point_id" uuid null,
      "direction" text null check ("direction" in ('IN', 'OUT')),
      "person_id" uuid null,
      "credential_kind" text null check ("credential_kind" in ('CARD', 'QR', 'FACE')),
      "credential_ref" varchar(128) null,
      "result" text not null check ("result" in ('GRANTED', 'DENIED')),
      "reason" text null,
      "decided_offline" boolean not null default false,
      "anti_passback_violation" boolean not null default false,
      constraint "access_event_pkey" primary key ("device_id", "device_seq", "occurred_at")
    ) partition by range ("occurred_at");`);
    this.addSql(
      `create index "access_event_person_index" on "access_event" ("person_id", "occurred_at" desc);`,
    );
    this.addSql(
      `create index "access_event_point_index" on "access_event" ("passage_point_id", "occurred_at" desc);`,
    );
    this.addSql(`create index "access_event_occurred_index" on "access_event" ("occurred_at" desc);`);
    // Rows outside every month partition (a device with a wild clock) land here instead of failing.
    this.addSql(`create table "access_event_default" partition of "access_event" default;`);
    this.addSql(`create or replace function access_event_ensure_month(month date) returns void language plpgsql as $$
      declare name text := 'access_event_' || to_char(month, 'YYYYMM');
      begin
        if to_regclass(name) is null then
          execute format('create table %I partition of access_event for values from (%L) to (%L)',
            name, month, (month + interval '1 month')::date);
        end if;
      end $$;`);
    this.addSql(`create table "presence" (
      "person_id" uuid not null primary key references "person" ("id") on update cascade on delete cascade,
      "area_id" uuid not null references "area" ("id") on update cascade on delete cascade,
      "since" timestamptz(3) not null,
      "last_event_at" timestamptz(3) not null
    );`);
    this.addSql(`create index "presence_area_index" on "presence" ("area_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "presence";`);
    this.addSql(`drop table if exists "access_event" cascade;`);
    this.addSql(`drop function if exists access_event_ensure_month(date);`);
  }
}
