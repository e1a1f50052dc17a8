import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { IngestResult } from '../access/access-event.types.js';
import { can, type RequestContext } from '../common/context.js';
import { forbidden } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { Permission } from '../common/permission.js';
import { Alarm } from './alarm.entity.js';
import { acknowledgeAlarm, closeAlarm, ingestDeviceAlarms } from './alarm.service.js';
import { acknowledgeDeviceCommand, pendingCommands, sendDeviceCommand } from './command.service.js';
import { Device } from './device.entity.js';
import { registerDevice, reportDeviceStatus } from './device.service.js';
import { DeviceCommand } from './device-command.entity.js';
import { DeviceSyncMessage, SyncCommand } from './device-sync.types.js';
import { AlarmStatus } from './devices.enums.js';
import {
  DeviceAlarmInput,
  DeviceStatusInput,
  DeviceStatusResult,
  RegisterDeviceInput,
  SendDeviceCommandInput,
} from './devices.types.js';

@Resolver()
export class DevicesResolver {
  @Authorized(Permission.ACCESS_READ)
  @Query(() => [Device], { description: '设备清单与在线状态' })
  devices(
    @Ctx() ctx: RequestContext,
    @Arg('siteId', () => String, { nullable: true }) siteId?: string | null,
  ): Promise<Device[]> {
    return ctx.em.find(Device, siteId ? { siteId } : {}, { orderBy: { siteId: 'asc', code: 'asc' } });
  }

  @Authorized(Permission.ACCESS_ADMIN)
  @Mutation(() => Device, { description: '登记设备' })
  registerDevice(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RegisterDeviceInput) input: RegisterDeviceInput,
  ): Promise<Device> {
    return registerDevice(ctx, input);
  }

  @Authorized(Permission.DEVICE_COMMAND)
  @Mutation(() => DeviceCommand, { description: '远程指令（开门须写明原因，写入审计）' })
  sendDeviceCommand(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SendDeviceCommandInput) input: SendDeviceCommandInput,
  ): Promise<DeviceCommand> {
    return sendDeviceCommand(ctx, input);
  }

  @Authorized(Permission.ACCESS_READ)
  @Query(() => [DeviceCommand], { description: '某设备的指令记录，最新在前' })
  deviceCommands(
    @Ctx() ctx: RequestContext,
    @Arg('deviceId', () => ID) deviceId: string,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit: number,
  ): Promise<DeviceCommand[]> {
    if (!isUuid(deviceId)) return Promise.resolve([]);
    return ctx.em.find(
      DeviceCommand,
      { device: deviceId },
      { orderBy: { createdAt: 'desc' }, limit: Math.min(Math.max(limit, 1), 500) },
    );
  }

  @Authorized(Permission.DEVICE_SYNC)
  @Query(() => [SyncCommand], { description: '网关：本站点尚未回执、未过期的指令' })
  pendingDeviceCommands(
    @Ctx() ctx: RequestContext,
    @Arg('siteId', () => String) siteId: string,
  ): Promise<SyncCommand[]> {
    return pendingCommands(ctx, siteId);
  }

  @Authorized(Permission.DEVICE_SYNC)
  @Mutation(() => DeviceCommand, { description: '网关：按 id 回执指令结果（重复回执只记一次）' })
  acknowledgeDeviceCommand(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('succeeded', () => Boolean) succeeded: boolean,
    @Arg('result', () => String, { nullable: true }) result?: string | null,
  ): Promise<DeviceCommand> {
    return acknowledgeDeviceCommand(ctx, id, succeeded, result);
  }

  @Authorized(Permission.DEVICE_SYNC)
  @Mutation(() => DeviceStatusResult, { description: '网关心跳：本站点各设备在线状态' })
  reportDeviceStatus(
    @Ctx() ctx: RequestContext,
    @Arg('siteId', () => String) siteId: string,
    @Arg('devices', () => [DeviceStatusInput]) devices: DeviceStatusInput[],
  ): Promise<DeviceStatusResult> {
    return reportDeviceStatus(ctx, siteId, devices);
  }

  @Authorized(Permission.DEVICE_SYNC)
  @Mutation(() => IngestResult, { description: '网关批量上报设备告警；(设备, 序号) 重复的只记一次' })
  ingestDeviceAlarms(
    @Ctx() ctx: RequestContext,
    @Arg('alarms', () => [DeviceAlarmInput]) alarms: DeviceAlarmInput[],
  ): Promise<IngestResult> {
    return ingestDeviceAlarms(
      ctx,
      alarms.map((a) => ({ ...a, deviceCode: a.deviceId })),
    );
  }

  @Authorized(Permission.ACCESS_READ)
  @Query(() => [Alarm], { description: '告警，最新在前' })
  alarms(
    @Ctx() ctx: RequestContext,
    @Arg('status', () => [AlarmStatus], { nullable: true }) status?: AlarmStatus[] | null,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit = 50,
  ): Promise<Alarm[]> {
    return ctx.em.find(Alarm, status?.length ? { status: { $in: status } } : {}, {
      orderBy: { raisedAt: 'desc' },
      limit: Math.min(Math.max(limit, 1), 500),
    });
  }

  @Authorized(Permission.ALARM_HANDLE)
  @Mutation(() => Alarm, { description: '确认告警（已知悉，处置中）' })
  acknowledgeAlarm(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('note', () => String, { nullable: true }) note?: string | null,
  ): Promise<Alarm> {
    return acknowledgeAlarm(ctx, id, note);
  }

  @Authorized(Permission.ALARM_HANDLE)
  @Mutation(() => Alarm, { description: '关闭告警（须写处置说明）' })
  closeAlarm(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('note', () => String) note: string,
  ): Promise<Alarm> {
    return closeAlarm(ctx, id, note);
  }

  @Authorized(Permission.ACCESS_READ)
  @Subscription(() => Alarm, { topics: 'ALARM_RAISED', description: '新告警（安保值班台）' })
  alarmRaised(@Root() alarm: Alarm): Alarm {
    return alarm;
  }

  @Authorized(Permission.DEVICE_SYNC)
  @Subscription(() => DeviceSyncMessage, {
    description: '网关同步流：先按游标补齐（或全量），之后实时推送变化与指令',
    subscribe: ({ args, context }) => {
      const ctx = context as RequestContext;
      // @Authorized runs per message; the stream itself must not open for anyone else.
      if (!can(ctx, Permission.DEVICE_SYNC)) throw forbidden();
      return ctx.deviceSync.open(args.siteId as string, args.cursor as string | null);
    },
  })
  deviceSync(
    @Root() message: DeviceSyncMessage,
    @Arg('siteId', () => String) _siteId: string,
    @Arg('cursor', () => String, { nullable: true, description: '网关当前游标；空则全量' }) _cursor?:
      | string
      | null,
  ): DeviceSyncMessage {
    return message;
  }
}
