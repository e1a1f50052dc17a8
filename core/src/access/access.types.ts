// Inputs of the access decision. Plain, JSON-shaped data: the API builds them from database rows,
// the device bridge from its on-disk cache, and both get the same answer. Instants are epoch
// milliseconds (Date#getTime()), never Date objects, so the cache round-trips through JSON unchanged.
import type { HolidayCalendar } from '../time/calendar.js';
import type { WeeklySchedule } from '../time/schedule.js';
import type { DenyReason } from './deny-reasons.js';

export type SecurityLevel = 'PUBLIC' | 'OFFICE' | 'PRODUCTION' | 'KEY';
export type AntiPassbackMode = 'HARD' | 'SOFT' | 'OFF';

export interface AreaPolicy {
  /** Whether post defaults (岗位默认权限) open this area; default true, but false for KEY areas. */
  readonly postDefaultsApply?: boolean;
  readonly maxOccupancy?: number | null;
  readonly antiPassback: AntiPassbackMode;
  /** Entry needs a second, different authorised person at the same point within this many seconds. */
  readonly twoPersonRule?: { readonly withinSeconds: number } | null;
  /** Qualification names a person must hold, valid, to enter (contractor certificates, training). */
  readonly requiredQualifications: readonly string[];
  /**
   * 陪同: a visitor enters (this area or any area inside it) only right behind one of their escorts
   * (the visit's host or a colleague they named) — a granted entry of that escort at the same point
   * within this many seconds.
   */
  readonly escort?: { readonly withinSeconds: number } | null;
}

export interface Area {
  readonly id: string;
  readonly parentId: string | null;
  readonly securityLevel: SecurityLevel;
  readonly policy: AreaPolicy;
}

export type PassageKind = 'DOOR' | 'TURNSTILE' | 'BARRIER' | 'ELEVATOR';
export type Direction = 'IN' | 'OUT';

export interface PassagePoint {
  readonly id: string;
  readonly kind: PassageKind;
  /** The area on the outer side; null is outside every area (the public road). */
  readonly fromAreaId: string | null;
  /** The area this point guards: IN enters it, OUT leaves it back to fromArea. */
  readonly toAreaId: string;
  /** Doors of one interlock group (mantrap) open one at a time. */
  readonly interlockGroupId?: string | null;
  /** What the device does without power or controller: SAFE opens (escape route), SECURE stays locked. */
  readonly failMode: 'SAFE' | 'SECURE';
  /** 首卡常开: the first authorised entry puts the door into normal-open. */
  readonly firstCardNormalOpen?: boolean;
  /** When set, normal-open starts only while this schedule is open (and the bridge ends it when it closes). */
  readonly normalOpenScheduleId?: string | null;
}

export type PersonStatus = 'ACTIVE' | 'INACTIVE';
export type PersonType = 'EMPLOYEE' | 'CONTRACTOR' | 'VISITOR' | 'OTHER';

export interface Person {
  readonly id: string;
  readonly status: PersonStatus;
  readonly type: PersonType;
  /** Qualification name → valid until (epoch ms), or null when it does not expire. */
  readonly qualifications?: Readonly<Record<string, number | null>>;
}

export type CardStatus = 'ACTIVE' | 'LOST' | 'REPLACED' | 'RETURNED' | 'VOIDED';

/** A QR credential reaches the decision only after the pass verifier accepted its signature. */
export type Credential =
  | { readonly kind: 'CARD'; readonly status: CardStatus }
  | { readonly kind: 'QR' }
  | { readonly kind: 'FACE' };

export type GrantSource = 'POST' | 'PERSONAL' | 'TEMPORARY' | 'VISIT';

export interface Grant {
  readonly id: string;
  readonly areaId: string;
  readonly source: GrantSource;
  readonly validFrom?: number | null;
  /** Exclusive: at this instant the grant has already ended. */
  readonly validUntil?: number | null;
  readonly revokedAt?: number | null;
  readonly scheduleId?: string | null;
  /** A visit's grant: who may escort the holder where an escort is required (host, named escorts). */
  readonly escortIds?: readonly string[] | null;
}

/** Site data that changes rarely: built once per cache refresh and shared by every decision. */
export interface SiteData {
  readonly areas: ReadonlyMap<string, Area>;
  readonly schedules: ReadonlyMap<string, WeeklySchedule>;
  readonly calendar: HolidayCalendar;
}

/** A scan held by the two-person rule, waiting for a second person. */
export interface PendingScan {
  /** The caller's id for the held scan (device transaction id), echoed back when it is released. */
  readonly scanId: string;
  readonly personId: string;
  readonly at: number;
}

/** A granted passage at a passage point, remembered briefly for the escort rule. */
export interface RecentPassage {
  readonly personId: string;
  readonly at: number;
  readonly direction: Direction;
}

/** What the caller knows right now. */
export interface DecisionState {
  /** Innermost area the person is in now; null when outside every area. */
  readonly presenceAreaId: string | null;
  /** People inside each area now; a missing area counts as empty. */
  readonly occupancy: ReadonlyMap<string, number>;
  /** Scans held at this passage point by the two-person rule (older ones are ignored). */
  readonly pendingScans: readonly PendingScan[];
  /** Interlock group id → passage points of that group that are open now. */
  readonly openInterlock: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * Granted passages at this passage point in the last moments (escort rule). Callers need fill it
   * only when `escortWindow` says the entry needs an escort; missing means none.
   */
  readonly recentPassages?: readonly RecentPassage[];
}

export interface DecisionInput {
  readonly at: number;
  readonly person: Person;
  readonly credential: Credential;
  readonly point: PassagePoint;
  readonly direction: Direction;
  /** All of this person's grants; revoked and out-of-window ones are fine, the engine sorts them out. */
  readonly grants: readonly Grant[];
  readonly site: SiteData;
  readonly state: DecisionState;
}

export interface AllowDecision {
  readonly allow: true;
  /** The grant that admitted an entry; null for an exit, which never needs one. */
  readonly grantId: string | null;
  /** Where the person is after passing: toArea on IN, fromArea on OUT. Callers update presence with it. */
  readonly presenceAfter: string | null;
  /** True when anti-passback is SOFT and this passage breaks it: let through, but log and alarm. */
  readonly antiPassbackViolation: boolean;
  /** Two-person rule: the held scan this one completes; open for both. */
  readonly releasedScan: PendingScan | null;
  /** 首卡常开: put the door into normal-open. */
  readonly startNormalOpen: boolean;
}

export interface DenyDecision {
  readonly allow: false;
  readonly reason: DenyReason;
  /** Chinese, for the reader's display and the security console. */
  readonly message: string;
  /** Machine detail for logs: the qualification name, the grant id, the busy door. */
  readonly detail?: string;
}

export type Decision = AllowDecision | DenyDecision;
