import { SecurityLevel } from '../access/access.enums.js';
import { AccessErrors } from '../access/access.errors.js';
import { Area } from '../access/area.entity.js';
import { ApprovalKind } from '../approval/approval.enums.js';
import { approvalPolicy } from '../approval/approval.service.js';
import { type ApprovalPolicy, planSteps } from '../approval/approval-policy.js';
import type { RequestContext } from '../common/context.js';
import { isUuid } from '../common/ids.js';
import { Role } from '../common/permission.js';
import { VisitorErrors } from './visitor.errors.js';
import type { VisitArea } from './visitor.types.js';

/**
 * Where a visitor may go, as configuration: the levels they may ask for (VISIT_REQUESTABLE_LEVELS;
 * key areas and anything inside one never), the areas a booking gets when it names none
 * (VISIT_DEFAULT_AREAS; else every office-level area right inside a public one), and — from the VISIT
 * approval policy — which of them bring 保卫部 into the approval.
 */
export interface VisitAreaCatalogue {
  /** Every area a visitor may request: defaults first, then office, then production areas. */
  requestable: VisitArea[];
  byId: ReadonlyMap<string, Area>;
  policy: ApprovalPolicy;
}

export async function visitAreaCatalogue(ctx: RequestContext): Promise<VisitAreaCatalogue> {
  const policy = approvalPolicy(ctx, ApprovalKind.VISIT);
  const areas = await ctx.em.find(Area, {}, { orderBy: { path: 'asc' } });
  const byId = new Map(areas.map((a) => [a.id, a]));
  const levels = new Set<string>(ctx.config.VISIT_REQUESTABLE_LEVELS);
  const defaults = new Set(ctx.config.VISIT_DEFAULT_AREAS);
  const parentOf = (a: Area) => (a.parent ? byId.get(a.parent.id) : undefined);
  const insideKey = (a: Area) => {
    for (let p = parentOf(a), depth = 0; p && depth < 32; p = parentOf(p), depth++)
      if (p.securityLevel === SecurityLevel.KEY) return true;
    return false;
  };
  const isDefault = (a: Area) =>
    defaults.size > 0
      ? defaults.has(a.code)
      : a.securityLevel === SecurityLevel.OFFICE &&
        (!parentOf(a) || parentOf(a)!.securityLevel === SecurityLevel.PUBLIC);
  const rank = (a: VisitArea) => (a.isDefault ? 0 : a.securityLevel === SecurityLevel.OFFICE ? 1 : 2);
  // Defaults first, then office before production, then by name: the order a booking form lists them.
  const requestable = areas
    .filter((a) => levels.has(a.securityLevel) && !insideKey(a))
    .map((a) => toVisitArea(a, policy, isDefault(a)))
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'zh-CN'));
  return { requestable, byId, policy };
}

export function toVisitArea(a: Area, policy: ApprovalPolicy, isDefault: boolean): VisitArea {
  return {
    id: a.id,
    name: a.name,
    securityLevel: a.securityLevel,
    needsSecurity: needsSecurity(policy, a.securityLevel),
    escortRequired: a.escortRequired,
    isDefault,
  };
}

/** Whether the VISIT policy puts a 保卫部 step in front of a visit reaching this level. */
export function needsSecurity(policy: ApprovalPolicy, level: SecurityLevel): boolean {
  return planSteps(policy, { areaLevel: level }).some(
    (s) => s.approver.type === 'ROLE' && s.approver.role === Role.SECURITY,
  );
}

/**
 * The areas a booking asks for, checked: each known and requestable by a visitor (typed errors
 * otherwise), duplicates dropped; none named means the defaults.
 */
export function requestedAreas(catalogue: VisitAreaCatalogue, areaIds: readonly string[] | null | undefined) {
  const ids = [...new Set(areaIds ?? [])];
  if (ids.length === 0) {
    const defaults = catalogue.requestable.filter((a) => a.isDefault);
    if (defaults.length === 0) throw VisitorErrors.noDefaultArea();
    return defaults;
  }
  return ids.map((id) => {
    const area = isUuid(id) ? catalogue.byId.get(id) : undefined;
    if (!area) throw AccessErrors.unknownArea('areaIds');
    const ok = catalogue.requestable.find((a) => a.id === id);
    if (!ok) throw VisitorErrors.areaNotRequestable(area.name);
    return ok;
  });
}
