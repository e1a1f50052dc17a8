import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { loaderFor } from '../common/loader.js';
import type { RequestContext } from '../common/context.js';
import { Permission } from '../common/permission.js';
import { ContractorCompany } from './contractor-company.entity.js';
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
  posts(@Ctx() ctx: RequestContext, @Arg('companyId', () => ID, { nullable: true }) companyId?: string): Promise<Post[]> {
    return ctx.em.find(Post, companyId ? { company: companyId } : {}, { orderBy: { name: 'asc' }, populate: ['company'] });
  }

  @Authorized(Permission.ORG_READ)
  @Query(() => [ContractorCompany])
  contractorCompanies(@Ctx() ctx: RequestContext): Promise<ContractorCompany[]> {
    return ctx.em.find(ContractorCompany, {}, { orderBy: { name: 'asc' } });
  }
}

@Resolver(() => Post)
export class PostResolver {
  @FieldResolver(() => OrgUnit, { description: '岗位所属公司' })
  company(@Root() post: Post, @Ctx() ctx: RequestContext): Promise<OrgUnit | undefined> | OrgUnit {
    if (post.company.isInitialized()) return post.company.getEntity();
    return loaderFor(ctx, 'orgUnit', async (ids: string[]) => {
      return new Map((await ctx.em.find(OrgUnit, { id: { $in: ids } })).map((u) => [u.id, u]));
    }).load(post.company.id);
  }
}
