import { describe, expect, it } from 'vitest';
import { parseDeviceEvent } from '../../mqtt/payloads.js';
import { genericJson } from './index.js';

const frame = (body: object) => parseDeviceEvent(Buffer.from(JSON.stringify(body)));
const { scan, door } = genericJson.fromDevice;

describe('the generic JSON driver', () => {
  it('reads a QR scan with its device clock and the side it was read on', () => {
    expect(
      scan(
        frame({
          seq: 3,
          at: '2026-03-02T08:00:00+08:00',
          credential: { kind: 'QR', token: 'x.y.z' },
          direction: 'OUT',
        }),
      ),
    ).toEqual({
      seq: 3,
      at: '2026-03-02T08:00:00+08:00',
      credential: { kind: 'QR', token: 'x.y.z' },
      direction: 'OUT',
    });
  });

  it('reads a card number in the upper case the API stores', () => {
    expect(scan(frame({ seq: 1, credential: { kind: 'CARD', number: ' a1b2c3d4 ' } })).credential).toEqual({
      kind: 'CARD',
      number: 'A1B2C3D4',
    });
  });

  it('passes any QR text on, so a stranger’s QR is refused at the display rather than as a broken frame', () => {
    expect(
      scan(frame({ seq: 1, credential: { kind: 'QR', token: 'https://example.com/' } })).credential.kind,
    ).toBe('QR');
  });

  it.each([
    [{ seq: 1 }, '"credential" must be an object'],
    [{ seq: 1, credential: { kind: 'FACE' } }, '"credential.kind" must be "QR" or "CARD"'],
    [{ seq: 1, credential: { kind: 'QR', token: 42 } }, '"credential.token" must be a string'],
    [
      { seq: 1, credential: { kind: 'CARD', number: '12-34' } },
      '"credential.number" must be 1–32 letters or digits',
    ],
    [
      { seq: 1, credential: { kind: 'CARD', number: '1234' }, direction: 'UP' },
      '"direction" must be "IN" or "OUT" when present',
    ],
  ])('refuses the broken scan frame %j', (body, reason) => {
    expect(() => scan(frame(body))).toThrow(reason);
  });

  it('reads a door contact and refuses one without a boolean', () => {
    expect(door(frame({ seq: 9, open: true }))).toEqual({ seq: 9, at: undefined, open: true });
    expect(() => door(frame({ seq: 9, open: 'yes' }))).toThrow('"open" must be a boolean');
  });

  it('sends commands as the command object on cmd/unlock and cmd/deny', () => {
    expect(genericJson.toDevice.unlock({ id: 'c1', seq: 3, allow: true, pulseMs: 3000 })).toEqual({
      kind: 'unlock',
      payload: '{"id":"c1","seq":3,"allow":true,"pulseMs":3000}',
    });
    expect(
      genericJson.toDevice.deny({ id: 'c2', seq: 4, reason: 'CARD_LOST', message: '此卡已挂失，禁止通行' }),
    ).toEqual({
      kind: 'deny',
      payload: '{"id":"c2","seq":4,"reason":"CARD_LOST","message":"此卡已挂失，禁止通行"}',
    });
  });
});
