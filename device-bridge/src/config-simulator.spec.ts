import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('the simulated traffic settings', () => {
  it('default to a modest 20 events a minute, random, for whichever devices use the simulator driver', () => {
    expect(loadConfig({}).simulator).toEqual({ trafficPerMin: 20, seed: undefined });
  });

  it('read a rate (0 turns the traffic off) and a seed for reproducible traffic', () => {
    expect(loadConfig({ SIM_TRAFFIC_PER_MIN: '0' }).simulator).toEqual({ trafficPerMin: 0, seed: undefined });
    expect(loadConfig({ SIM_TRAFFIC_PER_MIN: '600', SIM_TRAFFIC_SEED: '42' }).simulator).toEqual({
      trafficPerMin: 600,
      seed: 42,
    });
  });

  it('refuse a rate or seed that is not a whole number in range', () => {
    try {
      loadConfig({ SIM_TRAFFIC_PER_MIN: '-5', SIM_TRAFFIC_SEED: 'abc' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([
        'SIM_TRAFFIC_PER_MIN "-5" must be an integer between 0 and 60000',
        'SIM_TRAFFIC_SEED "abc" must be an integer between 0 and 4294967295',
      ]);
    }
  });
});
