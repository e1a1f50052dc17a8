import { describe, expect, it } from 'vitest';
import { emptyDeviceForm, TOPIC_SEGMENT, toRegisterDeviceInput, usualSite } from './device-input';

describe('device registration input', () => {
  it('accepts only what can stand in an MQTT topic segment', () => {
    expect(TOPIC_SEGMENT.test('T-01_IN')).toBe(true);
    expect(TOPIC_SEGMENT.test('gate/1')).toBe(false);
    expect(TOPIC_SEGMENT.test('闸机1')).toBe(false);
    expect(TOPIC_SEGMENT.test('a'.repeat(65))).toBe(false);
  });

  it('trims the text, falls back to the generic driver and sends "both ways" as no direction', () => {
    const values = { ...emptyDeviceForm('donggang'), code: ' T-09 ', name: ' 9 号闸机 ', driver: ' ' };
    expect(toRegisterDeviceInput(values)).toEqual({
      code: 'T-09',
      name: '9 号闸机',
      kind: 'TURNSTILE',
      driver: 'generic-json',
      siteId: 'donggang',
      passagePointId: null,
      direction: null,
    });
  });

  it('suggests the site most devices are on', () => {
    expect(usualSite([{ siteId: 'a' }, { siteId: 'b' }, { siteId: 'b' }])).toBe('b');
    expect(usualSite([])).toBe('');
  });
});
