export { SIMULATOR_DRIVER, simulatorDriver } from './driver.js';
export { type Random, seededRandom } from './random.js';
export { SEQ_BLOCK, SeqStore, SIM_SEQ_FILE } from './seq-store.js';
export {
  type ReceivedCommand,
  type ScanAnswer,
  type ScanOptions,
  SimulatedTurnstile,
} from './simulated-turnstile.js';
export { type SimulatorOptions, startSimulator, type TurnstileSimulator } from './simulator.js';
export {
  type Clock,
  systemClock,
  TrafficGenerator,
  type TrafficOptions,
  type TrafficStats,
} from './traffic.js';
export {
  DEFAULT_MIX,
  type ScanIntent,
  type SimDevice,
  type TrafficAction,
  type TrafficIntent,
  type TrafficMix,
  type TrafficWorld,
} from './traffic-plan.js';
