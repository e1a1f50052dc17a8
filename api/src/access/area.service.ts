import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type RequestContext } from '../common/context.js';
import { isUuid } from '../common/ids.js';
import { AntiPassbackMode, FailMode, SecurityLevel } from './access.enums.js';
import { AccessErrors, CODE } from './access.errors.js';
import { AccessChanged } from './access.events.js';
import { Area } from './area.entity.js';
import type { AreaInput, PassagePointInput } from './area.input.js';
import { PassagePoint } from './passage-point.entity.js';

// Key areas (集控室, 配电室, 油库 …) are closed to post defaults and strict about passback.
const DEFAULT_PASSBACK: Record<SecurityLevel, AntiPassbackMode> = {
  [SecurityLevel.PUBLIC]: AntiPassbackMode.OFF,
  [SecurityLevel.OFFICE]: AntiPassbackMode.OFF,
  [SecurityLevel.PRODUCTION]: AntiPassbackMode.SOFT,
  [SecurityLevel.KEY]: AntiPassbackMode.HARD,
};

export async function createArea(ctx: RequestContext, input: AreaInput): Promise<Area> {
  const name = input.name.trim();
  const code = input.code.trim();
  if (!name) throw AccessErrors.badPolicy('区域名称不能为空');
  if (!CODE.test(code)) throw AccessErrors.badCode();
  if (input.maxOccupancy != null && input.maxOccupancy < 1)
    throw AccessErrors.badPolicy('最大在场人数至少为 1');
  const twoPerson = input.twoPersonWithinSeconds;
  if (twoPerson != null && (twoPerson < 1 || twoPerson > 600))
    throw AccessErrors.badPolicy('双人规则间隔应为 1–600 秒');
  const escort = input.escortWithinSeconds ?? (input.escortRequired ? ctx.config.VISIT_ESCORT_SECONDS : null);
  if (escort != null && (escort < 1 || escort > 600)) throw AccessErrors.badPolicy('陪同间隔应为 1–600 秒');
  return inTransaction(ctx, async (tx) => {
    const parent = input.parentId
      ? isUuid(input.parentId)
        ? await tx.em.findOne(Area, input.parentId)
        : null
      : null;
    if (input.parentId && !parent) throw AccessErrors.unknownArea('parentId');
    if (await tx.em.count(Area, { code })) throw AccessErrors.duplicateCode('区域');
    const area = tx.em.create(Area, {
      name,
      code,
      parent,
      path: '',
      securityLevel: input.securityLevel,
      postDefaultsApply: input.postDefaultsApply ?? input.securityLevel !== SecurityLevel.KEY,
      maxOccupancy: input.maxOccupancy ?? null,
      antiPassback: input.antiPassback ?? DEFAULT_PASSBACK[input.securityLevel],
      twoPersonWithinSeconds: twoPerson ?? null,
      escortWithinSeconds: escort,
      requiredQualifications: [
        ...new Set((input.requiredQualifications ?? []).map((q) => q.trim()).filter(Boolean)),
      ],
    });
    area.path = `${parent?.path ?? '/'}${area.id}/`;
    await recordAudit(tx, {
      action: 'AREA_CREATE',
      entityType: 'Area',
      entityId: area.id,
      after: areaSnapshot(area),
    });
    tx.emit?.(new AccessChanged('area', area.id));
    return area;
  });
}

export async function createPassagePoint(
  ctx: RequestContext,
  input: PassagePointInput,
): Promise<PassagePoint> {
  const name = input.name.trim();
  const code = input.code.trim();
  if (!name) throw AccessErrors.badPolicy('通行点名称不能为空');
  if (!CODE.test(code)) throw AccessErrors.badCode();
  if (input.fromAreaId === input.toAreaId) throw AccessErrors.sameAreas();
  return inTransaction(ctx, async (tx) => {
    const from = isUuid(input.fromAreaId) ? await tx.em.findOne(Area, input.fromAreaId) : null;
    const to = isUuid(input.toAreaId) ? await tx.em.findOne(Area, input.toAreaId) : null;
    if (!from) throw AccessErrors.unknownArea('fromAreaId');
    if (!to) throw AccessErrors.unknownArea('toAreaId');
    if (await tx.em.count(PassagePoint, { code })) throw AccessErrors.duplicateCode('通行点');
    const point = tx.em.create(PassagePoint, {
      name,
      code,
      kind: input.kind,
      fromArea: from,
      toArea: to,
      failMode: input.failMode ?? (to.securityLevel === SecurityLevel.KEY ? FailMode.SECURE : FailMode.SAFE),
      interlockGroup: input.interlockGroup?.trim() || null,
      firstCardNormalOpen: input.firstCardNormalOpen ?? false,
    });
    await recordAudit(tx, {
      action: 'PASSAGE_POINT_CREATE',
      entityType: 'PassagePoint',
      entityId: point.id,
      after: { name, code, kind: point.kind, fromAreaId: from.id, toAreaId: to.id, failMode: point.failMode },
    });
    tx.emit?.(new AccessChanged('passagePoint', point.id));
    return point;
  });
}

export function areaSnapshot(a: Area): Record<string, unknown> {
  return {
    name: a.name,
    code: a.code,
    parentId: a.parent?.id ?? null,
    securityLevel: a.securityLevel,
    postDefaultsApply: a.postDefaultsApply,
    maxOccupancy: a.maxOccupancy ?? null,
    antiPassback: a.antiPassback,
    twoPersonWithinSeconds: a.twoPersonWithinSeconds ?? null,
    requiredQualifications: a.requiredQualifications,
    escortWithinSeconds: a.escortWithinSeconds ?? null,
  };
}
