export type {
  AllowDecision,
  AntiPassbackMode,
  Area,
  AreaPolicy,
  CardStatus,
  Credential,
  Decision,
  DecisionInput,
  DecisionState,
  DenyDecision,
  Direction,
  Grant,
  GrantSource,
  PassageKind,
  PassagePoint,
  PendingScan,
  Person,
  PersonStatus,
  PersonType,
  RecentPassage,
  SecurityLevel,
  SiteData,
} from './access.types.js';
export { areaChain, isInside, postDefaultsApply, presenceOrAssumed } from './area-tree.js';
export { decide } from './decide.js';
export { DENY_MESSAGES, DENY_REASONS, DenyReason, deny } from './deny-reasons.js';
export { escorted, escortWindow, escortWindowOf } from './escort.js';
export { type FloorMask, type FloorMaskInput, floorMask } from './floor-mask.js';
export { findGrant, type GrantVerdict, qualificationProblem } from './grants.js';
