import { Migration } from '@mikro-orm/migrations';

/**
 * The device centre: registry, online/offline history (for the time-weighted online rate), durable
 * commands and alarms.
 */
export class Migration20261126100000_devices extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "device" (
      "id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null,
      "code" varchar(255) not null, "name" varchar(255) not null,
      "kind" text check ("kind" in ('TURNSTILE', 'DOOR', 'BARRIER', 'ELEVATOR', 'READER', 'POS', 'PLATE_CAMERA')) not null,
      "driver" varchar(255) not null, "site_id" varchar(255) not null,
      "passage_point_id" uuid null references "passage_point" ("id") on update cascade on delete set null,
      "direction" text check ("direction" in ('IN', 'OUT')) null,
      "enabled" boolean not null default true, "online" boolean not null default false,
      "last_seen_at" timestamptz(3) null, "state_since" timestamptz(3) null,
      constraint "device_pkey" primary key ("id"));`);
    this.addSql(`alter table "device" add constraint "device_code_unique" unique ("code");`);
    this.addSql(`create index "device_site_id_index" on "device" ("site_id");`);

    // One row per stretch of time a device was online or offline; the open stretch has no end.
    this.addSql(`create table "device_state_span" (
      "device_id" uuid not null references "device" ("id") on update cascade on delete cascade,
      "online" boolean not null,
      "started_at" timestamptz(3) not null,
      "ended_at" timestamptz(3) null,
      constraint "device_state_span_pkey" primary key ("device_id", "started_at"),
      constraint "device_state_span_order" check ("ended_at" is null or "ended_at" >= "started_at"));`);
    this.addSql(
      `create unique index "device_state_span_open_unique" on "device_state_span" ("device_id") where "ended_at" is null;`,
    );
    this.addSql(
      `create index "device_state_span_time_index" on "device_state_span" ("started_at", "ended_at");`,
    );

    this.addSql(`create table "device_command" (
      "id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null,
      "device_id" uuid not null references "device" ("id") on update cascade,
      "device_code" varchar(255) not null, "site_id" varchar(255) not null,
      "kind" text check ("kind" in ('OPEN', 'LOCK', 'UNLOCK', 'RESYNC')) not null,
      "reason" varchar(255) not null, "requested_by" varchar(255) null,
      "status" text check ("status" in ('PENDING', 'SUCCEEDED', 'FAILED', 'EXPIRED')) not null default 'PENDING',
      "expires_at" timestamptz(3) not null, "completed_at" timestamptz(3) null, "result" varchar(255) null,
      constraint "device_command_pkey" primary key ("id"));`);
    this.addSql(
      `create index "device_command_status_expires_at_index" on "device_command" ("status", "expires_at");`,
    );

    this.addSql(`create table "alarm" (
      "id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null,
      "kind" text check ("kind" in ('FORCED_OPEN', 'HELD_OPEN', 'TAMPER', 'DEVICE_OFFLINE', 'REPEATED_FAILURES')) not null,
      "dedupe_key" varchar(255) not null,
      "device_id" uuid null references "device" ("id") on update cascade on delete set null,
      "device_code" varchar(255) not null,
      "passage_point_id" uuid null references "passage_point" ("id") on update cascade on delete set null,
      "message" varchar(255) not null, "raised_at" timestamptz(3) not null,
      "status" text check ("status" in ('OPEN', 'ACKNOWLEDGED', 'CLOSED')) not null default 'OPEN',
      "acknowledged_by" varchar(255) null, "acknowledged_at" timestamptz(3) null,
      "closed_by" varchar(255) null, "closed_at" timestamptz(3) null, "note" varchar(255) null,
      constraint "alarm_pkey" primary key ("id"));`);
    this.addSql(`alter table "alarm" add constraint "alarm_dedupe_key_unique" unique ("dedupe_key");`);
    this.addSql(`create index "alarm_status_raised_at_index" on "alarm" ("status", "raised_at");`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "alarm" cascade;');
    this.addSql('drop table if exists "device_command" cascade;');
    this.addSql('drop table if exists "device_state_span" cascade;');
    this.addSql('drop table if exists "device" cascade;');
  }
}
