import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../common/context.js';
import { Permission } from '../common/permission.js';
import { EnrollBiometricInput, enrollBiometric } from './biometric.service.js';
import { Card } from './card.entity.js';
import { issueCard, replaceCard, reportCardLost, returnCard } from './card.service.js';
import { Vehicle } from './vehicle.entity.js';
import { registerVehicle, VehicleInput } from './vehicle.service.js';

@Resolver()
export class CardResolver {
  @Authorized(Permission.CARD_MANAGE)
  @Mutation(() => Card, { description: '发卡' })
  issueCard(
    @Ctx() ctx: RequestContext,
    @Arg('personId', () => ID) personId: string,
    @Arg('number', () => String) number: string,
  ) {
    return issueCard(ctx, personId, number);
  }

  @Authorized(Permission.CARD_REPORT_LOST)
  @Mutation(() => Card, { description: '挂失：立即在所有设备失效。本人或有卡管理权限者可操作' })
  reportCardLost(@Ctx() ctx: RequestContext, @Arg('cardId', () => ID) cardId: string) {
    return reportCardLost(ctx, cardId);
  }

  @Authorized(Permission.CARD_MANAGE)
  @Mutation(() => Card, { description: '补卡：旧卡作废，返回新卡' })
  replaceCard(
    @Ctx() ctx: RequestContext,
    @Arg('cardId', () => ID) cardId: string,
    @Arg('newNumber', () => String) newNumber: string,
  ) {
    return replaceCard(ctx, cardId, newNumber);
  }

  @Authorized(Permission.CARD_MANAGE)
  @Mutation(() => Card, { description: '退卡' })
  returnCard(@Ctx() ctx: RequestContext, @Arg('cardId', () => ID) cardId: string) {
    return returnCard(ctx, cardId);
  }

  @Authorized(Permission.VEHICLE_MANAGE)
  @Mutation(() => Vehicle, { description: '登记车辆' })
  registerVehicle(@Ctx() ctx: RequestContext, @Arg('input', () => VehicleInput) input: VehicleInput) {
    return registerVehicle(ctx, input);
  }

  @Authorized(Permission.BIOMETRIC_ENROLL)
  @Mutation(() => Boolean, { description: '录入人脸/指纹模板（加密保存，永不返回）' })
  enrollBiometric(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => EnrollBiometricInput) input: EnrollBiometricInput,
  ) {
    return enrollBiometric(ctx, input);
  }
}
