import {
  Arg,
  Authorized,
  Ctx,
  Field,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import type { RequestContext } from '../common/context.js';
import { Permission } from '../common/permission.js';
import type { ImportProgressPayload } from '../common/pubsub.js';
import { exportPeople } from './export.service.js';
import { importPeople } from './import.service.js';
import { PeopleFilter } from './person.input.js';

@InputType()
class ImportPeopleInput {
  @Field(() => String, { description: '文件名，.xlsx 或 .csv' })
  filename!: string;
  @Field(() => String)
  contentBase64!: string;
  @Field(() => Boolean, { description: 'true 只校验不写入' })
  dryRun!: boolean;
  @Field(() => String, { nullable: true, description: '客户端生成，用于先订阅 importProgress' })
  jobId?: string | null;
}

@ObjectType()
class ImportRowError {
  @Field(() => Int)
  row!: number;
  @Field(() => String, { nullable: true })
  column!: string | null;
  @Field(() => String)
  code!: string;
  @Field(() => String)
  message!: string;
}

@ObjectType()
class ImportResult {
  @Field(() => String)
  jobId!: string;
  @Field(() => Boolean)
  dryRun!: boolean;
  @Field(() => Boolean, { description: '无任何错误（正式导入时表示已全部写入）' })
  ok!: boolean;
  @Field(() => Int)
  totalRows!: number;
  @Field(() => Int)
  created!: number;
  @Field(() => [ImportRowError])
  errors!: ImportRowError[];
}

@ObjectType()
class ImportProgress {
  @Field(() => String)
  jobId!: string;
  @Field(() => String, { description: 'validate | commit | done' })
  phase!: string;
  @Field(() => Int)
  processed!: number;
  @Field(() => Int)
  total!: number;
}

@ObjectType()
export class ExportFile {
  @Field(() => String)
  filename!: string;
  @Field(() => String)
  mimeType!: string;
  @Field(() => String)
  contentBase64!: string;
  @Field(() => Int)
  count!: number;
}

@Resolver()
export class ImportResolver {
  @Authorized(Permission.PERSON_IMPORT)
  @Mutation(() => ImportResult, {
    description: '基础档案导入：先 dryRun 校验，再正式导入（全部成功或全部不写入）',
  })
  importPeople(@Ctx() ctx: RequestContext, @Arg('input', () => ImportPeopleInput) input: ImportPeopleInput) {
    return importPeople(ctx, input);
  }

  @Authorized(Permission.PERSON_EXPORT)
  @Query(() => ExportFile, { description: '按导入模板的列导出 XLSX' })
  exportPeople(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => PeopleFilter, { nullable: true }) filter?: PeopleFilter,
  ) {
    return exportPeople(ctx, filter);
  }

  @Authorized(Permission.PERSON_IMPORT)
  @Subscription(() => ImportProgress, {
    topics: 'IMPORT_PROGRESS',
    topicId: ({ args }: { args: { jobId: string } }) => args.jobId,
    // Job ids come from the client; progress (file size, row counts) is for the importer alone.
    filter: ({ payload, context }: { payload: ImportProgressPayload; context: RequestContext }) =>
      payload.ownerId !== null && payload.ownerId === context.principal?.accountId,
  })
  importProgress(
    @Root() payload: ImportProgressPayload,
    @Arg('jobId', () => String) _jobId: string,
  ): ImportProgress {
    return payload;
  }
}
