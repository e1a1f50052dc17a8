import {
  type Area,
  areaChain,
  type DecisionState,
  type Direction,
  type PassagePoint,
  type PendingScan,
  presenceOrAssumed,
  type RecentPassage,
} from '@park/core';

/** What survives a restart, as JSON (`${DATA_DIR}/gate-state.json`). Occupancy is derived from presence. */
export interface GateStateData {
  version: 1;
  /** Person id → innermost area they are in (null: outside every area). */
  presence: Record<string, string | null>;
  /** Passage point id → scans held by the two-person rule. */
  pending: Record<string, PendingScan[]>;
  /** Passage points whose door contact last said open. */
  openPoints: string[];
}

// Longer than any sensible two-person window; the engine ignores older held scans anyway.
const PENDING_TTL_MS = 10 * 60_000;
const NO_PENDING: readonly PendingScan[] = [];
// Longer than any escort window (at most 600 s); older passages are dropped as new ones arrive.
const RECENT_TTL_MS = 10 * 60_000;
const NO_RECENT: readonly RecentPassage[] = [];

/**
 * The part of a decision's input only the gate side knows: who is where, how full each area is, who is
 * waiting for a second person, which interlocked doors are open. Kept by the bridge from its own
 * allowed decisions and door contacts. Occupancy counts a person in their area and every area around
 * it: someone in 集控室 is also inside 生产区 and must count against its limit.
 */
export class GateState {
  private readonly presence = new Map<string, string | null>();
  private readonly occupancy = new Map<string, number>();
  private readonly pending = new Map<string, PendingScan[]>();
  private readonly openPoints = new Set<string>();
  /** Passage point id → allowed passages of the last minutes (escort rule). Not saved: seconds matter. */
  private readonly recent = new Map<string, RecentPassage[]>();
  private areas: ReadonlyMap<string, Area> = new Map();
  private points: ReadonlyMap<string, PassagePoint> = new Map();
  private interlock = new Map<string, Set<string>>();
  /** Called after every change; the state file saves on it (debounced). */
  onChange: () => void = () => undefined;

  static fromData(data: GateStateData | undefined): GateState {
    const state = new GateState();
    if (data?.version !== 1) return state;
    for (const [person, area] of Object.entries(data.presence ?? {})) state.presence.set(person, area);
    for (const [point, scans] of Object.entries(data.pending ?? {})) state.pending.set(point, [...scans]);
    for (const point of data.openPoints ?? []) state.openPoints.add(point);
    return state;
  }

  /** A new cache: the tree and the interlock groups may have changed, so both are recomputed. */
  useSite(areas: ReadonlyMap<string, Area>, points: ReadonlyMap<string, PassagePoint>): void {
    this.areas = areas;
    this.points = points;
    this.occupancy.clear();
    for (const area of this.presence.values()) this.count(area, 1);
    this.rebuildInterlock();
  }

  decisionState(personId: string, point: PassagePoint, direction: Direction): DecisionState {
    return {
      presenceAreaId: presenceOrAssumed(this.presence.get(personId), point, direction),
      occupancy: this.occupancy,
      pendingScans: this.pending.get(point.id) ?? NO_PENDING,
      openInterlock: this.interlock,
      recentPassages: this.recent.get(point.id) ?? NO_RECENT,
    };
  }

  /** An allowed passage at a point, kept a few minutes so a visitor's escort can be recognised. */
  passed(pointId: string, passage: RecentPassage): void {
    const kept = (this.recent.get(pointId) ?? []).filter((p) => passage.at - p.at < RECENT_TTL_MS);
    kept.push(passage);
    this.recent.set(pointId, kept);
  }

  presenceOf(personId: string): string | null | undefined {
    return this.presence.get(personId);
  }

  occupancyOf(areaId: string): number {
    return this.occupancy.get(areaId) ?? 0;
  }

  /** An allowed passage: the person is now in `areaAfter` (the decision's presenceAfter). */
  moved(personId: string, areaAfter: string | null): void {
    const before = this.presence.get(personId);
    if (before !== undefined) this.count(before, -1);
    this.presence.set(personId, areaAfter);
    this.count(areaAfter, 1);
    this.onChange();
  }

  /** The two-person rule held this scan; a second person may release it. */
  hold(pointId: string, scan: PendingScan): void {
    const fresh = (this.pending.get(pointId) ?? []).filter((s) => scan.at - s.at < PENDING_TTL_MS);
    fresh.push(scan);
    this.pending.set(pointId, fresh);
    this.onChange();
  }

  /** A released scan must not be released twice. */
  release(pointId: string, scanId: string): void {
    const left = (this.pending.get(pointId) ?? []).filter((s) => s.scanId !== scanId);
    if (left.length > 0) this.pending.set(pointId, left);
    else this.pending.delete(pointId);
    this.onChange();
  }

  /** Returns whether anything changed (a repeated contact report is not a change). */
  doorChanged(pointId: string, open: boolean): boolean {
    if (this.openPoints.has(pointId) === open) return false;
    if (open) this.openPoints.add(pointId);
    else this.openPoints.delete(pointId);
    this.rebuildInterlock();
    this.onChange();
    return true;
  }

  toData(): GateStateData {
    return {
      version: 1,
      presence: Object.fromEntries(this.presence),
      pending: Object.fromEntries(this.pending),
      openPoints: [...this.openPoints],
    };
  }

  private count(areaId: string | null, delta: number): void {
    if (areaId === null) return;
    for (const area of areaChain(this.areas, areaId)) {
      // Never below zero: a person unknown here may leave an area we never counted them into.
      this.occupancy.set(area.id, Math.max(0, (this.occupancy.get(area.id) ?? 0) + delta));
    }
  }

  private rebuildInterlock(): void {
    const groups = new Map<string, Set<string>>();
    for (const pointId of this.openPoints) {
      const group = this.points.get(pointId)?.interlockGroupId;
      if (!group) continue;
      const open = groups.get(group) ?? new Set<string>();
      open.add(pointId);
      groups.set(group, open);
    }
    this.interlock = groups;
  }
}
