import { Migration } from '@mikro-orm/migrations';

/**
 * The approval engine: requests and their ordered steps. A step's candidate approvers are stored
 * when it becomes current, so an inbox is one GIN lookup on the partial index of pending steps.
 * `kind` is unconstrained on purpose: a new kind of request needs no migration.
 */
export class Migration20261126090000_approvals extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "approval_request" ("id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "kind" varchar(32) not null, "status" text check ("status" in ('PENDING', 'APPROVED', 'REJECTED', 'CANCELLED')) not null default 'PENDING', "requester_id" uuid not null, "subject" jsonb not null, "title" varchar(255) not null, "summary" text not null, "current_step" int null, "finished_at" timestamptz(3) null, "outcome" jsonb null, constraint "approval_request_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "approval_request_requester_id_created_at_index" on "approval_request" ("requester_id", "created_at");`,
    );
    this.addSql(
      `alter table "approval_request" add constraint "approval_request_requester_id_foreign" foreign key ("requester_id") references "person" ("id") on update cascade;`,
    );

    this.addSql(
      `create table "approval_step" ("id" uuid not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "request_id" uuid not null, "seq" int not null, "name" varchar(255) not null, "rule" jsonb not null, "status" text check ("status" in ('WAITING', 'PENDING', 'APPROVED', 'REJECTED', 'CANCELLED')) not null default 'WAITING', "candidate_ids" uuid[] not null default '{}', "activated_at" timestamptz(3) null, "decided_by_id" uuid null, "decided_at" timestamptz(3) null, "comment" text null, "reminded_at" timestamptz(3) null, "reminder_count" int not null default 0, constraint "approval_step_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "approval_step" add constraint "approval_step_request_id_seq_unique" unique ("request_id", "seq");`,
    );
    this.addSql(
      `alter table "approval_step" add constraint "approval_step_request_id_foreign" foreign key ("request_id") references "approval_request" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "approval_step" add constraint "approval_step_decided_by_id_foreign" foreign key ("decided_by_id") references "person" ("id") on update cascade on delete set null;`,
    );
    // Hand-written partial indexes (the schema diff cannot express them; keep them out of its drops).
    // The inbox: current steps where a person is a candidate.
    this.addSql(
      `create index "approval_step_inbox_index" on "approval_step" using gin ("candidate_ids") where "status" = 'PENDING';`,
    );
    // The reminder job: current steps, oldest first.
    this.addSql(
      `create index "approval_step_pending_index" on "approval_step" ("activated_at") where "status" = 'PENDING';`,
    );
    // "What I decided" history.
    this.addSql(
      `create index "approval_step_decided_by_index" on "approval_step" ("decided_by_id", "decided_at" desc) where "decided_by_id" is not null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "approval_step" cascade;`);
    this.addSql(`drop table if exists "approval_request" cascade;`);
  }
}
