export {
  GATE_CACHE_VERSION,
  type GateCache,
  type GateCard,
  type GateIndex,
  type GatePerson,
  indexGateCache,
} from './gate-cache.js';
export {
  applyGatePatch,
  compareCursors,
  type GatePatch,
  type PatchOutcome,
  patchFits,
} from './gate-patch.js';
