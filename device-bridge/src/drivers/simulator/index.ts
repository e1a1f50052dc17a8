export {
  type ReceivedCommand,
  type ScanAnswer,
  type ScanOptions,
  SimulatedTurnstile,
} from './simulated-turnstile.js';
export { type SimulatorOptions, startSimulator, type TurnstileSimulator } from './simulator.js';
