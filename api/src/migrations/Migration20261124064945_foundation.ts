import { Migration } from '@mikro-orm/migrations';

export class Migration20261124064945_foundation extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "audit_entry" ("id" uuid not null, "seq" bigint not null, "at" timestamptz(3) not null, "actor_id" varchar(255) null, "actor_name" varchar(255) null, "action" varchar(255) not null, "entity_type" varchar(255) not null, "entity_id" varchar(255) null, "before" jsonb null, "after" jsonb null, "prev_hash" varchar(255) not null, "hash" varchar(255) not null, constraint "audit_entry_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "audit_entry" add constraint "audit_entry_seq_unique" unique ("seq");`);
    this.addSql(`create index "audit_entry_action_index" on "audit_entry" ("action");`);
    this.addSql(
      `create index "audit_entry_entity_type_entity_id_index" on "audit_entry" ("entity_type", "entity_id");`,
    );

    this.addSql(
      `create table "contractor_company" ("id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "name" varchar(255) not null, "credit_code" varchar(255) null, "contact_name" varchar(255) null, "contact_phone" varchar(255) null, constraint "contractor_company_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "contractor_company" add constraint "contractor_company_name_unique" unique ("name");`,
    );
    this.addSql(
      `alter table "contractor_company" add constraint "contractor_company_credit_code_unique" unique ("credit_code");`,
    );

    this.addSql(
      `create table "org_unit" ("id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "name" varchar(255) not null, "code" varchar(255) not null, "kind" text check ("kind" in ('COMPANY', 'DEPARTMENT', 'TEAM')) not null, "parent_id" uuid null, "path" varchar(255) not null, "full_name" varchar(255) not null, "head_person_id" uuid null, constraint "org_unit_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "org_unit" add constraint "org_unit_code_unique" unique ("code");`);
    this.addSql(`create index "org_unit_path_index" on "org_unit" ("path");`);
    this.addSql(`alter table "org_unit" add constraint "org_unit_full_name_unique" unique ("full_name");`);

    this.addSql(
      `create table "post" ("id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "name" varchar(255) not null, "code" varchar(255) not null, "company_id" uuid not null, constraint "post_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "post" add constraint "post_company_id_code_unique" unique ("company_id", "code");`,
    );

    this.addSql(
      `create table "person" ("id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "name" varchar(255) not null, "gender" text check ("gender" in ('MALE', 'FEMALE', 'UNKNOWN')) not null default 'UNKNOWN', "id_number" varchar(255) null, "phone" varchar(255) null, "employee_no" varchar(255) null, "photo_url" varchar(255) null, "type" text check ("type" in ('EMPLOYEE', 'CONTRACTOR', 'VISITOR', 'OTHER')) not null, "status" text check ("status" in ('ACTIVE', 'INACTIVE')) not null default 'ACTIVE', "org_unit_id" uuid null, "post_id" uuid null, "company_id" uuid null, "entry_date" date null, "exit_date" date null, "exit_at" timestamptz(3) null, constraint "person_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "person_name_index" on "person" ("name");`);
    this.addSql(`alter table "person" add constraint "person_id_number_unique" unique ("id_number");`);
    this.addSql(`create index "person_phone_index" on "person" ("phone");`);
    this.addSql(`alter table "person" add constraint "person_employee_no_unique" unique ("employee_no");`);
    this.addSql(`create index "person_org_unit_id_index" on "person" ("org_unit_id");`);
    this.addSql(`create index "person_type_status_index" on "person" ("type", "status");`);

    this.addSql(
      `create table "card" ("id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "number" varchar(255) not null, "status" text check ("status" in ('ACTIVE', 'LOST', 'REPLACED', 'RETURNED', 'VOIDED')) not null default 'ACTIVE', "person_id" uuid not null, "issued_at" timestamptz(3) not null, "lost_at" timestamptz(3) null, "returned_at" timestamptz(3) null, "voided_at" timestamptz(3) null, "replaced_by_id" uuid null, constraint "card_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "card_number_index" on "card" ("number");`);
    this.addSql(`create index "card_person_id_index" on "card" ("person_id");`);

    this.addSql(
      `create table "biometric_template" ("id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "person_id" uuid not null, "kind" text check ("kind" in ('FACE', 'FINGERPRINT')) not null, "template_encrypted" bytea not null, "consent_at" timestamptz(3) not null, "consent_text" varchar(255) not null, constraint "biometric_template_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "biometric_template_person_id_index" on "biometric_template" ("person_id");`);

    this.addSql(
      `create table "access_grant" ("id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "person_id" uuid not null, "area_id" uuid not null, "source" text check ("source" in ('POST', 'PERSONAL', 'TEMPORARY')) not null, "schedule_id" uuid null, "valid_from" timestamptz(3) null, "valid_until" timestamptz(3) null, "revoked_at" timestamptz(3) null, "revoked_reason" varchar(255) null, constraint "access_grant_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "access_grant_person_id_revoked_at_index" on "access_grant" ("person_id", "revoked_at");`,
    );

    this.addSql(
      `create table "post_area_grant" ("id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "post_id" uuid not null, "area_id" uuid not null, "schedule_id" uuid null, constraint "post_area_grant_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "post_area_grant" add constraint "post_area_grant_post_id_area_id_unique" unique ("post_id", "area_id");`,
    );

    this.addSql(
      `create table "signing_key" ("id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "kid" varchar(255) not null, "use" varchar(255) not null, "public_jwk" jsonb not null, "private_jwk_encrypted" text not null, "published_at" timestamptz(3) not null, "activates_at" timestamptz(3) not null, "retired_at" timestamptz(3) null, constraint "signing_key_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "signing_key" add constraint "signing_key_kid_unique" unique ("kid");`);

    this.addSql(
      `create table "user_account" ("id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "username" varchar(255) not null, "password_hash" varchar(255) null, "must_change_password" boolean not null default false, "roles" text[] not null, "person_id" uuid null, "disabled" boolean not null default false, "failed_logins" int not null default 0, "locked_until" timestamptz(3) null, "last_login_at" timestamptz(3) null, constraint "user_account_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "user_account" add constraint "user_account_username_unique" unique ("username");`,
    );
    this.addSql(`create index "user_account_person_id_index" on "user_account" ("person_id");`);

    this.addSql(
      `create table "refresh_token" ("id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "token_hash" varchar(255) not null, "family_id" uuid not null, "account_id" uuid not null, "expires_at" timestamptz(3) not null, "used_at" timestamptz(3) null, "revoked_at" timestamptz(3) null, constraint "refresh_token_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "refresh_token" add constraint "refresh_token_token_hash_unique" unique ("token_hash");`,
    );
    this.addSql(`create index "refresh_token_family_id_index" on "refresh_token" ("family_id");`);

    this.addSql(
      `create table "vehicle" ("id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "plate" varchar(255) not null, "type" text check ("type" in ('CAR', 'TRUCK', 'BUS', 'MOTORCYCLE', 'OTHER')) not null default 'CAR', "new_energy" boolean not null default false, "active" boolean not null default true, "person_id" uuid not null, constraint "vehicle_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "vehicle_person_id_index" on "vehicle" ("person_id");`);

    this.addSql(
      `create table "wechat_binding" ("id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "openid" varchar(255) not null, "unionid" varchar(255) null, "person_id" uuid not null, "unbound_at" timestamptz(3) null, constraint "wechat_binding_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "wechat_binding_person_id_index" on "wechat_binding" ("person_id");`);

    this.addSql(
      `alter table "org_unit" add constraint "org_unit_parent_id_foreign" foreign key ("parent_id") references "org_unit" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "post" add constraint "post_company_id_foreign" foreign key ("company_id") references "org_unit" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "person" add constraint "person_org_unit_id_foreign" foreign key ("org_unit_id") references "org_unit" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "person" add constraint "person_post_id_foreign" foreign key ("post_id") references "post" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "person" add constraint "person_company_id_foreign" foreign key ("company_id") references "contractor_company" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "card" add constraint "card_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "biometric_template" add constraint "biometric_template_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "access_grant" add constraint "access_grant_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "post_area_grant" add constraint "post_area_grant_post_id_foreign" foreign key ("post_id") references "post" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "user_account" add constraint "user_account_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "refresh_token" add constraint "refresh_token_account_id_foreign" foreign key ("account_id") references "user_account" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "vehicle" add constraint "vehicle_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "wechat_binding" add constraint "wechat_binding_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`,
    );

    // Not expressible as entity metadata: partial uniqueness and the append-only audit table.
    this.addSql(
      `create unique index "card_number_live_unique" on "card" ("number") where "status" in ('ACTIVE', 'LOST');`,
    );
    this.addSql(`create unique index "vehicle_plate_active_unique" on "vehicle" ("plate") where "active";`);
    this.addSql(
      `create unique index "wechat_binding_openid_bound_unique" on "wechat_binding" ("openid") where "unbound_at" is null;`,
    );
    this.addSql(`create function audit_entry_refuse_change() returns trigger language plpgsql as $$
      begin raise exception 'audit_entry is append-only (% refused)', tg_op using errcode = 'P0001'; end $$;`);
    this.addSql(`create trigger audit_entry_no_update_delete before update or delete on "audit_entry"
      for each row execute function audit_entry_refuse_change();`);
    this.addSql(`create trigger audit_entry_no_truncate before truncate on "audit_entry"
      for each statement execute function audit_entry_refuse_change();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists audit_entry_refuse_change() cascade;`);
    this.addSql(`alter table "person" drop constraint "person_company_id_foreign";`);

    this.addSql(`alter table "org_unit" drop constraint "org_unit_parent_id_foreign";`);

    this.addSql(`alter table "post" drop constraint "post_company_id_foreign";`);

    this.addSql(`alter table "person" drop constraint "person_org_unit_id_foreign";`);

    this.addSql(`alter table "person" drop constraint "person_post_id_foreign";`);

    this.addSql(`alter table "post_area_grant" drop constraint "post_area_grant_post_id_foreign";`);

    this.addSql(`alter table "card" drop constraint "card_person_id_foreign";`);

    this.addSql(`alter table "biometric_template" drop constraint "biometric_template_person_id_foreign";`);

    this.addSql(`alter table "access_grant" drop constraint "access_grant_person_id_foreign";`);

    this.addSql(`alter table "user_account" drop constraint "user_account_person_id_foreign";`);

    this.addSql(`alter table "vehicle" drop constraint "vehicle_person_id_foreign";`);

    this.addSql(`alter table "wechat_binding" drop constraint "wechat_binding_person_id_foreign";`);

    this.addSql(`alter table "refresh_token" drop constraint "refresh_token_account_id_foreign";`);

    this.addSql(`drop table if exists "audit_entry" cascade;`);

    this.addSql(`drop table if exists "contractor_company" cascade;`);

    this.addSql(`drop table if exists "org_unit" cascade;`);

    this.addSql(`drop table if exists "post" cascade;`);

    this.addSql(`drop table if exists "person" cascade;`);

    this.addSql(`drop table if exists "card" cascade;`);

    this.addSql(`drop table if exists "biometric_template" cascade;`);

    this.addSql(`drop table if exists "access_grant" cascade;`);

    this.addSql(`drop table if exists "post_area_grant" cascade;`);

    this.addSql(`drop table if exists "signing_key" cascade;`);

    this.addSql(`drop table if exists "user_account" cascade;`);

    this.addSql(`drop table if exists "refresh_token" cascade;`);

    this.addSql(`drop table if exists "vehicle" cascade;`);

    this.addSql(`drop table if exists "wechat_binding" cascade;`);
  }
}
