export {
  GATE_CACHE_VERSION,
  type GateCache,
  type GateCard,
  type GateIndex,
  type GatePerson,
  indexGateCache,
} from './gate-cache.js';
