import { maskIdNumber } from '@park/core';
import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { RequestContext } from '../common/context.js';
import { loaderFor } from '../common/loader.js';
import { Permission } from '../common/permission.js';
import { BiometricTemplate } from './biometric-template.entity.js';
import { Card } from './card.entity.js';
import { ContractorCompany } from './contractor-company.entity.js';
import { BiometricKind } from './identity.enums.js';
import { OffboardSummary, offboardPerson } from './offboarding.service.js';
import { OrgUnit } from './org-unit.entity.js';
import { listPeople } from './people.query.js';
import { Person } from './person.entity.js';
import { PeopleFilter, PersonInput } from './person.input.js';
import { createPerson, updatePerson } from './person.service.js';
import { personInScope } from './person-scope.js';
import { Post } from './post.entity.js';
import { Vehicle } from './vehicle.entity.js';
import { WechatBinding } from './wechat-binding.entity.js';

@ObjectType()
class PersonPage {
  @Field(() => [Person])
  items!: Person[];
  @Field(() => Int)
  total!: number;
  @Field(() => Int)
  offset!: number;
  @Field(() => Int)
  limit!: number;
}

/** Groups rows by person id for the batch loaders below. */
function byPerson<T extends { person: { id: string } }>(rows: T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) m.set(r.person.id, [...(m.get(r.person.id) ?? []), r]);
  return m;
}

@Resolver(() => Person)
export class PersonResolver {
  @Authorized(Permission.PERSON_READ)
  @Query(() => PersonPage, { description: '人员列表（按调用者权限范围）' })
  people(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => PeopleFilter, { nullable: true }) filter: PeopleFilter | undefined,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit: number,
  ): Promise<PersonPage> {
    return listPeople(ctx, filter, offset, limit);
  }

  @Authorized(Permission.PERSON_READ)
  @Query(() => Person, { nullable: true })
  async person(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Person | null> {
    return personInScope(ctx, id).catch(() => null);
  }

  @Authorized(Permission.PERSON_WRITE)
  @Mutation(() => Person)
  createPerson(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => PersonInput) input: PersonInput,
  ): Promise<Person> {
    return createPerson(ctx, input);
  }

  @Authorized(Permission.PERSON_WRITE)
  @Mutation(() => Person)
  updatePerson(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => PersonInput) input: PersonInput,
  ): Promise<Person> {
    return updatePerson(ctx, id, input);
  }

  @Authorized(Permission.PERSON_OFFBOARD)
  @Mutation(() => OffboardSummary, { description: '离职/退场：停用人员，作废卡，撤销授权，解绑车辆与微信' })
  offboardPerson(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
  ): Promise<OffboardSummary> {
    return offboardPerson(ctx, id, reason);
  }

  @FieldResolver(() => String, { nullable: true, description: '身份证号；无敏感信息权限时脱敏显示' })
  idNumber(@Root() p: Person, @Ctx() ctx: RequestContext): string | null {
    if (!p.idNumber) return null;
    const own = p.id === ctx.principal?.personId;
    return own || ctx.principal?.permissions.has(Permission.PERSON_READ_SENSITIVE)
      ? p.idNumber
      : maskIdNumber(p.idNumber);
  }

  // Roots are entities (Ref relations) or people-page rows ({ id }); both carry the id.
  @FieldResolver(() => OrgUnit, { nullable: true })
  async orgUnit(@Root() p: Person, @Ctx() ctx: RequestContext): Promise<OrgUnit | null> {
    return p.orgUnit ? (await ctx.org.ready(ctx.em)).unit(p.orgUnit.id) : null;
  }

  @FieldResolver(() => Post, { nullable: true })
  async post(@Root() p: Person, @Ctx() ctx: RequestContext): Promise<Post | null> {
    return p.post ? (await ctx.org.ready(ctx.em)).post(p.post.id) : null;
  }

  @FieldResolver(() => ContractorCompany, { nullable: true })
  company(@Root() p: Person, @Ctx() ctx: RequestContext): Promise<ContractorCompany | undefined> | null {
    if (!p.company) return null;
    return loaderFor(ctx, 'company', async (ids: string[]) => {
      return new Map((await ctx.em.find(ContractorCompany, { id: { $in: ids } })).map((x) => [x.id, x]));
    }).load(p.company.id);
  }

  @FieldResolver(() => [Card], { description: '全部卡（含历史）' })
  async cards(@Root() p: Person, @Ctx() ctx: RequestContext): Promise<Card[]> {
    const l = loaderFor(ctx, 'cards', async (ids: string[]) =>
      byPerson(await ctx.em.find(Card, { person: { $in: ids } }, { orderBy: { issuedAt: 'desc' } })),
    );
    return (await l.load(p.id)) ?? [];
  }

  @FieldResolver(() => [Vehicle], { description: '名下有效车辆' })
  async vehicles(@Root() p: Person, @Ctx() ctx: RequestContext): Promise<Vehicle[]> {
    const l = loaderFor(ctx, 'vehicles', async (ids: string[]) =>
      byPerson(await ctx.em.find(Vehicle, { person: { $in: ids }, active: true })),
    );
    return (await l.load(p.id)) ?? [];
  }

  @FieldResolver(() => Boolean)
  async hasFace(@Root() p: Person, @Ctx() ctx: RequestContext): Promise<boolean> {
    return (await this.biometricKinds(p, ctx)).includes(BiometricKind.FACE);
  }

  @FieldResolver(() => Boolean)
  async hasFingerprint(@Root() p: Person, @Ctx() ctx: RequestContext): Promise<boolean> {
    return (await this.biometricKinds(p, ctx)).includes(BiometricKind.FINGERPRINT);
  }

  @FieldResolver(() => Boolean)
  async wechatBound(@Root() p: Person, @Ctx() ctx: RequestContext): Promise<boolean> {
    const l = loaderFor(ctx, 'wechat', async (ids: string[]) =>
      byPerson(
        await ctx.em.find(WechatBinding, { person: { $in: ids }, unboundAt: null }, { fields: ['person'] }),
      ),
    );
    return !!(await l.load(p.id))?.length;
  }

  private async biometricKinds(p: Person, ctx: RequestContext): Promise<BiometricKind[]> {
    const l = loaderFor(ctx, 'biometric', async (ids: string[]) =>
      byPerson(
        await ctx.em.find(BiometricTemplate, { person: { $in: ids } }, { fields: ['person', 'kind'] }),
      ),
    );
    return ((await l.load(p.id)) ?? []).map((b) => b.kind);
  }
}
