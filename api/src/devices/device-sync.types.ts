import type { GateCache, GatePatch } from '@park/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../common/scalars.js';
import { DeviceCommandKind } from './devices.enums.js';

@ObjectType({ description: '下发给网关的设备指令（网关按 id 回执）' })
export class SyncCommand {
  @Field(() => ID)
  id!: string;
  @Field(() => String, { description: '设备编码' })
  deviceCode!: string;
  @Field(() => DeviceCommandKind)
  kind!: DeviceCommandKind;
  @Field(() => String)
  reason!: string;
  @Field(() => String, { nullable: true })
  requestedBy!: string | null;
  @Field(() => DateTimeScalar, { description: '过期未执行即作废' })
  expiresAt!: Date;
}

/**
 * One message of a bridge's sync stream. The first one after (re)subscribing carries a snapshot or a
 * patch from the bridge's cursor and every command it has not acknowledged; later ones carry what
 * changed (a patch, or a snapshot after a site-wide change) or new commands.
 */
@ObjectType({ description: '网关同步消息：全量快照或增量补丁（按审计序号游标），以及待执行指令' })
export class DeviceSyncMessage {
  @Field(() => String, { description: '本消息之后网关应处于的游标（只含指令的消息沿用当前游标）' })
  cursor!: string;
  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'GateCache 全量（游标过旧或区域结构变化时）',
  })
  snapshot!: GateCache | null;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'GatePatch：自 fromCursor 起变化的人员' })
  patch!: GatePatch | null;
  @Field(() => [SyncCommand])
  commands!: SyncCommand[];
}
