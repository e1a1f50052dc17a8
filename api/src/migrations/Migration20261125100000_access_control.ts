import { Migration } from '@mikro-orm/migrations';

export class Migration20261125100000_access_control extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "area" ("id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "name" varchar(255) not null, "code" varchar(255) not null, "parent_id" uuid null, "path" varchar(255) not null, "security_level" text check ("security_level" in ('PUBLIC', 'OFFICE', 'PRODUCTION', 'KEY')) not null, "post_defaults_apply" boolean not null default true, "max_occupancy" int null, "anti_passback" text check ("anti_passback" in ('HARD', 'SOFT', 'OFF')) not null default 'OFF', "two_person_within_seconds" int null, "required_qualifications" text[] not null, constraint "area_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "area" add constraint "area_code_unique" unique ("code");`);
    this.addSql(`create index "area_path_index" on "area" ("path");`);

    this.addSql(
      `create table "calendar_day" ("id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "date" date not null, "kind" text check ("kind" in ('HOLIDAY', 'WORKDAY')) not null, "name" varchar(255) not null, constraint "calendar_day_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "calendar_day" add constraint "calendar_day_date_unique" unique ("date");`);

    this.addSql(
      `create table "passage_point" ("id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "name" varchar(255) not null, "code" varchar(255) not null, "kind" text check ("kind" in ('DOOR', 'TURNSTILE', 'BARRIER', 'ELEVATOR')) not null, "from_area_id" uuid not null, "to_area_id" uuid not null, "fail_mode" text check ("fail_mode" in ('SAFE', 'SECURE')) not null default 'SECURE', "interlock_group" varchar(255) null, "first_card_normal_open" boolean not null default false, constraint "passage_point_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "passage_point" add constraint "passage_point_code_unique" unique ("code");`);
    this.addSql(
      `alter table "passage_point" add constraint "passage_point_areas_differ" check ("from_area_id" <> "to_area_id");`,
    );

    this.addSql(
      `create table "schedule" ("id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "name" varchar(255) not null, "time_zone" varchar(255) not null default 'Asia/Shanghai', "day_kinds" text[] not null, "intervals" jsonb not null, constraint "schedule_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "schedule" add constraint "schedule_name_unique" unique ("name");`);

    this.addSql(
      `alter table "area" add constraint "area_parent_id_foreign" foreign key ("parent_id") references "area" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "passage_point" add constraint "passage_point_from_area_id_foreign" foreign key ("from_area_id") references "area" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "passage_point" add constraint "passage_point_to_area_id_foreign" foreign key ("to_area_id") references "area" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "post_area_grant" add constraint "post_area_grant_area_id_foreign" foreign key ("area_id") references "area" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "post_area_grant" add constraint "post_area_grant_schedule_id_foreign" foreign key ("schedule_id") references "schedule" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "access_grant" add constraint "access_grant_area_id_foreign" foreign key ("area_id") references "area" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "access_grant" add constraint "access_grant_schedule_id_foreign" foreign key ("schedule_id") references "schedule" ("id") on update cascade on delete set null;`,
    );
    this.addSql(`create index "access_grant_area_id_index" on "access_grant" ("area_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "area" drop constraint "area_parent_id_foreign";`);

    this.addSql(`alter table "passage_point" drop constraint "passage_point_from_area_id_foreign";`);

    this.addSql(`alter table "passage_point" drop constraint "passage_point_to_area_id_foreign";`);

    this.addSql(`alter table "post_area_grant" drop constraint "post_area_grant_area_id_foreign";`);

    this.addSql(`alter table "access_grant" drop constraint "access_grant_area_id_foreign";`);

    this.addSql(`alter table "post_area_grant" drop constraint "post_area_grant_schedule_id_foreign";`);

    this.addSql(`alter table "access_grant" drop constraint "access_grant_schedule_id_foreign";`);

    this.addSql(`drop table if exists "area" cascade;`);

    this.addSql(`drop table if exists "calendar_day" cascade;`);

    this.addSql(`drop table if exists "passage_point" cascade;`);

    this.addSql(`drop table if exists "schedule" cascade;`);

    this.addSql(`drop index "access_grant_area_id_index";`);

    this.addSql(
      `CREATE UNIQUE INDEX card_number_taken_unique ON public.card USING btree (number) WHERE ((status = ANY (ARRAY['ACTIVE'::text, 'LOST'::text])) OR ((lost_at IS NOT NULL) AND (returned_at IS NULL)));`,
    );

    this.addSql(
      `CREATE UNIQUE INDEX vehicle_plate_active_unique ON public.vehicle USING btree (plate) WHERE active;`,
    );

    this.addSql(
      `CREATE UNIQUE INDEX wechat_binding_openid_bound_unique ON public.wechat_binding USING btree (openid) WHERE (unbound_at IS NULL);`,
    );
  }
}
