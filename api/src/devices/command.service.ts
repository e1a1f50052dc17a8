import { LockMode } from '@mikro-orm/core';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type RequestContext } from '../common/context.js';
import { isUuid } from '../common/ids.js';
import { Device } from './device.entity.js';
import { DeviceCommand } from './device-command.entity.js';
import type { SyncCommand } from './device-sync.types.js';
import { DeviceCommandKind, DeviceCommandStatus } from './devices.enums.js';
import { DeviceErrors } from './devices.errors.js';
import { DeviceCommandQueued } from './devices.events.js';

export interface SendCommandInput {
  deviceId: string;
  kind: DeviceCommandKind;
  reason: string;
}

export const toSyncCommand = (c: DeviceCommand): SyncCommand => ({
  id: c.id,
  deviceCode: c.deviceCode,
  kind: c.kind,
  reason: c.reason,
  requestedBy: c.requestedBy ?? null,
  expiresAt: c.expiresAt,
});

/**
 * Stores a command, audits who asked and why, and hands it to the site's bridge after commit. The row
 * is the record: a bridge that was offline receives it on reconnect, until it expires.
 */
export async function sendDeviceCommand(
  ctx: RequestContext,
  input: SendCommandInput,
): Promise<DeviceCommand> {
  const reason = input.reason.trim();
  if (reason.length === 0 || reason.length > 200) throw DeviceErrors.reasonRequired();
  if (!isUuid(input.deviceId)) throw DeviceErrors.unknownDevice();
  return inTransaction(ctx, async (tx) => {
    const device = await tx.em.findOne(Device, input.deviceId);
    if (!device) throw DeviceErrors.unknownDevice();
    if (!device.enabled) throw DeviceErrors.deviceDisabled();
    const command = tx.em.create(DeviceCommand, {
      device,
      deviceCode: device.code,
      siteId: device.siteId,
      kind: input.kind,
      reason,
      requestedBy: tx.principal?.username ?? null,
      expiresAt: new Date(Date.now() + tx.config.DEVICE_COMMAND_TTL_SECONDS * 1000),
    });
    await recordAudit(tx, {
      action: input.kind === DeviceCommandKind.OPEN ? 'DOOR_REMOTE_OPEN' : `DEVICE_COMMAND_${input.kind}`,
      entityType: 'DeviceCommand',
      entityId: command.id,
      after: {
        device: device.code,
        passagePointId: device.passagePoint?.id ?? null,
        kind: input.kind,
        reason,
      },
    });
    await tx.em.flush();
    tx.emit?.(new DeviceCommandQueued(device.siteId, toSyncCommand(command)));
    return command;
  });
}

/**
 * The bridge's answer for a command. Idempotent: the same answer twice is accepted once. A command
 * past its expiry is closed as EXPIRED whatever the bridge says, so a late open is never reported done.
 */
export async function acknowledgeDeviceCommand(
  ctx: RequestContext,
  id: string,
  succeeded: boolean,
  result: string | null | undefined,
): Promise<DeviceCommand> {
  if (!isUuid(id)) throw DeviceErrors.commandNotFound();
  return inTransaction(ctx, async (tx) => {
    const command = await tx.em.findOne(DeviceCommand, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!command) throw DeviceErrors.commandNotFound();
    const wanted = succeeded ? DeviceCommandStatus.SUCCEEDED : DeviceCommandStatus.FAILED;
    if (command.status === wanted) return command;
    if (command.status !== DeviceCommandStatus.PENDING) throw DeviceErrors.commandClosed(command.status);
    const expired = command.expiresAt.getTime() < Date.now();
    command.status = expired ? DeviceCommandStatus.EXPIRED : wanted;
    command.completedAt = new Date();
    command.result = result?.slice(0, 200) ?? null;
    await tx.em.flush();
    return command;
  });
}

/** What a site's bridge still has to do: pending and not expired. Expired ones are closed on the way. */
export async function pendingCommands(ctx: RequestContext, siteId: string): Promise<SyncCommand[]> {
  await ctx.em.nativeUpdate(
    DeviceCommand,
    { status: DeviceCommandStatus.PENDING, expiresAt: { $lte: new Date() } },
    { status: DeviceCommandStatus.EXPIRED, completedAt: new Date() },
  );
  const commands = await ctx.em.find(
    DeviceCommand,
    { siteId, status: DeviceCommandStatus.PENDING },
    { orderBy: { createdAt: 'asc' } },
  );
  return commands.map(toSyncCommand);
}
