import { deny } from '@park/core';
import {
  DEVICE_COMMAND_KINDS,
  DEVICE_EVENT_KINDS,
  type DeviceCommandKind,
  type DeviceEventKind,
  type MqttContract,
  validateDeviceCommand,
  validateDeviceEvent,
  validateDeviceState,
  validateMessage,
} from '@park/schema/mqtt';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ScanOutcome } from '../gate/scan-decision.js';
import { commandFor } from '../gate/scan-record.js';

const allowed = (floors?: number[]) =>
  ({
    decision: {
      allow: true,
      grantId: 'g',
      presenceAfter: 'a',
      antiPassbackViolation: false,
      releasedScan: null,
      startNormalOpen: false,
    },
    floors,
  }) as ScanOutcome;

describe('the MQTT contract', () => {
  it('accepts every answer the bridge builds for a scan', () => {
    for (const command of [
      commandFor(allowed(), 7, 'c-1', 3_000),
      commandFor(allowed([]), 8, 'c-2', 8_000),
      commandFor(allowed([1, 3]), 9, 'c-3', 8_000),
      commandFor({ decision: deny('ANTI_PASSBACK') } as ScanOutcome, 10, 'c-4', 3_000),
    ]) {
      expect(validateDeviceCommand(command.kind, command.body)).toEqual({ ok: true, value: command.body });
    }
  });

  it('lists every event and command kind it types', () => {
    // Checked by tsc: a kind added to the payload maps but not to the lists is a type error here.
    expectTypeOf<(typeof DEVICE_EVENT_KINDS)[number]>().toEqualTypeOf<DeviceEventKind>();
    expectTypeOf<(typeof DEVICE_COMMAND_KINDS)[number]>().toEqualTypeOf<DeviceCommandKind>();
  });

  it('types each topic pattern with its payload', () => {
    const answer: MqttContract['park/{site}/dev/{deviceId}/cmd/deny'] = {
      id: 'c',
      seq: 1,
      reason: 'NO_GRANT',
      message: '无此区域的通行权限',
    };
    const state: MqttContract['park/{site}/bridge/state'] = { online: true, contract: 1 };
    expect(
      validateDeviceCommand('deny', answer).ok &&
        validateMessage({ type: 'bridge-state', site: 's' }, state).ok,
    ).toBe(true);
  });

  it.each([
    ['unlock', { id: 'c', seq: 1, allow: false, pulseMs: 3000 }, '"allow" must be true'],
    ['unlock', { id: 'c', allow: true, pulseMs: 0 }, '"pulseMs" must be an integer between 1 and 600000'],
    [
      'unlock',
      { id: 'c', allow: true, pulseMs: 3000, floors: [1.5] },
      '"floors" must be a list of integer floor numbers',
    ],
    ['unlock', { allow: true, pulseMs: 3000 }, '"id" must be a non-empty string of at most 64 characters'],
    [
      'deny',
      { id: 'c', seq: 1, reason: 'no grant', message: '无' },
      '"reason" must be an upper-case reason code',
    ],
    ['deny', { id: 'c', reason: 'NO_GRANT', message: '无' }, '"seq" must be a non-negative integer'],
    ['mode', { id: 'c', mode: 'locked' }, '"mode" must be one of NORMAL, LOCKED, NORMAL_OPEN'],
    [
      'mode',
      { id: 'c', mode: 'NORMAL_OPEN', until: 'tomorrow' },
      '"until" must be an ISO-8601 timestamp when present',
    ],
    ['error', { status: 'ok', reason: 'x', topic: 't' }, '"status" must be "error"'],
  ] as const)('refuses a %s command %j', (kind, payload, reason) => {
    expect(validateDeviceCommand(kind, payload)).toEqual({ ok: false, reason });
  });

  it.each([
    ['tamper', { seq: 1, active: 'yes' }, '"active" must be a boolean'],
    [
      'alarm',
      { seq: 1, kind: 'SMOKE', active: true },
      '"kind" must be one of DURESS, FIRE_LINKAGE, HARDWARE_FAULT, POWER_LOSS',
    ],
    [
      'alarm',
      { seq: 1, kind: 'DURESS', active: true, detail: 'x'.repeat(201) },
      '"detail" must be a non-empty string of at most 200 characters',
    ],
    [
      'ack',
      { seq: 1, commandId: 'c', status: 'ok', reason: 'fine' },
      '"reason" belongs to "status": "error" only',
    ],
    [
      'ack',
      { seq: 1, commandId: '', status: 'ok' },
      '"commandId" must be a non-empty string of at most 64 characters',
    ],
    [
      'door',
      { seq: 1, open: true, alarm: 'AJAR' },
      '"alarm" must be "FORCED_OPEN" or "HELD_OPEN" when present',
    ],
    [
      'scan',
      { seq: 1, at: 'yesterday', credential: { kind: 'QR', token: 't' } },
      '"at" must be an ISO-8601 timestamp when present',
    ],
    ['scan', [], 'payload must be a JSON object'],
  ] as const)('refuses a %s event %j', (kind, payload, reason) => {
    expect(validateDeviceEvent(kind, payload)).toEqual({ ok: false, reason });
  });

  it('keeps only the contract’s fields of a payload it accepts', () => {
    expect(validateDeviceEvent('tamper', { seq: 3, active: true, vendor: 'x' })).toEqual({
      ok: true,
      value: { seq: 3, active: true },
    });
  });

  it('passes events of kinds it does not define on their envelope, but no unknown command', () => {
    const site = 'donggang';
    expect(
      validateMessage(
        { type: 'device-event', site, deviceId: 'pos-1', kind: 'sale' },
        { seq: 4, amount: 1200 },
      ),
    ).toEqual({ ok: true, value: { seq: 4, amount: 1200 } });
    expect(validateMessage({ type: 'device-command', site, deviceId: 'pos-1', kind: 'reboot' }, {})).toEqual({
      ok: false,
      reason: '"cmd/reboot" is not a command of the contract',
    });
  });

  it('refuses an availability with a contract version that is not a positive integer', () => {
    expect(validateDeviceState({ online: true, contract: 0 })).toEqual({
      ok: false,
      reason: '"contract" must be a positive integer when present',
    });
  });
});
