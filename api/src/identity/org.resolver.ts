import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../common/context.js';
import { isUuid } from '../common/ids.js';
import { Permission } from '../common/permission.js';
import { ContractorCompany } from './contractor-company.entity.js';
import {
  ContractorCompanyInput,
  createContractorCompany,
  createOrgUnit,
  createPost,
  OrgUnitInput,
  PostInput,
  setOrgUnitHead,
} from './org.service.js';
import { OrgUnit } from './org-unit.entity.js';
import { Post } from './post.entity.js';

@Resolver()
export class OrgResolver {
  @Authorized(Permission.ORG_READ)
  @Query(() => [OrgUnit], { description: '组织树（按路径排序，父在子前）' })
  orgUnits(@Ctx() ctx: RequestContext): Promise<OrgUnit[]> {
    return ctx.em.find(OrgUnit, {}, { orderBy: { fullName: 'asc' } });
  }

  @Authorized(Permission.ORG_READ)
  @Query(() => [Post])
  posts(
    @Ctx() ctx: RequestContext,
    @Arg('companyId', () => ID, { nullable: true }) companyId?: string,
  ): Promise<Post[]> {
    if (companyId && !isUuid(companyId)) return Promise.resolve([]);
    return ctx.em.find(Post, companyId ? { company: companyId } : {}, {
      orderBy: { name: 'asc' },
      populate: ['company'],
    });
  }

  @Authorized(Permission.ORG_READ)
  @Query(() => [ContractorCompany])
  contractorCompanies(@Ctx() ctx: RequestContext): Promise<ContractorCompany[]> {
    return ctx.em.find(ContractorCompany, {}, { orderBy: { name: 'asc' } });
  }

  @Authorized(Permission.ORG_WRITE)
  @Mutation(() => OrgUnit, { description: '新建公司/部门/班组' })
  createOrgUnit(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => OrgUnitInput) input: OrgUnitInput,
  ): Promise<OrgUnit> {
    return createOrgUnit(ctx, input);
  }

  @Authorized(Permission.ORG_WRITE)
  @Mutation(() => OrgUnit, { description: '设置组织负责人（审批人，可查看本组织人员）' })
  setOrgUnitHead(
    @Ctx() ctx: RequestContext,
    @Arg('orgUnitId', () => ID) orgUnitId: string,
    @Arg('personId', () => ID, { nullable: true }) personId: string | null,
  ): Promise<OrgUnit> {
    return setOrgUnitHead(ctx, orgUnitId, personId ?? null);
  }

  @Authorized(Permission.ORG_WRITE)
  @Mutation(() => Post, { description: '新建岗位' })
  createPost(@Ctx() ctx: RequestContext, @Arg('input', () => PostInput) input: PostInput): Promise<Post> {
    return createPost(ctx, input);
  }

  @Authorized(Permission.ORG_WRITE)
  @Mutation(() => ContractorCompany, { description: '登记外协单位' })
  createContractorCompany(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ContractorCompanyInput) input: ContractorCompanyInput,
  ): Promise<ContractorCompany> {
    return createContractorCompany(ctx, input);
  }
}

@Resolver(() => Post)
export class PostResolver {
  @FieldResolver(() => OrgUnit, { description: '岗位所属公司' })
  async company(@Root() post: Post, @Ctx() ctx: RequestContext): Promise<OrgUnit> {
    const org = await ctx.org.ready(ctx.em);
    return org.unit(post.company.id) ?? ctx.em.findOneOrFail(OrgUnit, post.company.id);
  }
}
