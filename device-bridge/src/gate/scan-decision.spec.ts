import { randomUUID } from 'node:crypto';
import { createPassVerifier, type GateCache, type GatePerson } from '@park/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { AREA, buildGateSite, DEVICES, type GateSite, POINT } from '../../test/support/gate-site.js';
import { buildSnapshot, type CacheSnapshot } from '../cache/snapshot.js';
import type { DeviceConfig } from '../config-devices.js';
import type { ScanCredential } from '../kinds/index.js';
import { GateState } from './gate-state.js';
import { applyOutcome, decideScan, type ScanOutcome } from './scan-decision.js';

let site: GateSite;
let snapshot: CacheSnapshot;
const oilWorker = (name: string): GatePerson => ({
  id: randomUUID(),
  name,
  status: 'ACTIVE',
  type: 'CONTRACTOR',
  qualifications: { HAZCHEM: null },
  grants: [{ id: randomUUID(), areaId: AREA.oil, source: 'PERSONAL' }],
});
const workers = [oilWorker('周师傅'), oilWorker('吴师傅')];
const oilDoor: DeviceConfig = { ...DEVICES[3]!, id: 'door-oil', passagePointId: POINT.oil };

beforeAll(async () => {
  site = await buildGateSite();
  const cache: GateCache = {
    ...site.cache,
    people: [...site.cache.people, ...workers],
    cards: [
      ...site.cache.cards,
      ...workers.map((w, i) => ({ number: `0I1${i}`, status: 'ACTIVE' as const, personId: w.id })),
      { number: 'ZHAO0001', status: 'ACTIVE', personId: site.people.zhao.id },
    ],
  };
  snapshot = buildSnapshot(cache);
});

function gate(online = false, state = new GateState(), snap: CacheSnapshot = snapshot) {
  state.useSite(snap.index.site.areas, snap.index.points);
  const verifier = createPassVerifier({ keys: snap.passKeys });
  let seq = 0;
  return {
    state,
    scan(credential: ScanCredential, device: DeviceConfig = DEVICES[0]!, now = Date.now()): ScanOutcome {
      const outcome = decideScan({
        scan: { seq: ++seq, at: undefined, credential, direction: undefined },
        device,
        snapshot: snap,
        verifier,
        state,
        online,
        now,
      });
      applyOutcome(state, outcome, `${device.id}:${seq}`, now);
      return outcome;
    },
  };
}

const reason = (o: ScanOutcome) => (o.decision.allow ? 'ALLOW' : o.decision.reason);
const card = (number: string): ScanCredential => ({ kind: 'CARD', number });

describe('deciding one scan from the cache', () => {
  it('refuses everything before a first cache arrives', () => {
    const verifier = createPassVerifier({ keys: new Map() });
    const outcome = decideScan({
      scan: { seq: 1, at: undefined, credential: card('A1B2C3D4'), direction: undefined },
      device: DEVICES[0]!,
      snapshot: undefined,
      verifier,
      state: new GateState(),
      online: false,
      now: Date.now(),
    });
    expect(outcome.decision).toMatchObject({ allow: false, reason: 'NO_GRANT', detail: 'no gate cache yet' });
  });

  it('refuses a card nobody holds, and a card whose holder is missing from the cache, as CARD_INVALID', () => {
    const g = gate();
    expect(reason(g.scan(card('FFFF0000')))).toBe('CARD_INVALID');
    expect(reason(g.scan(card(site.cards.unknownHolder)))).toBe('CARD_INVALID');
  });

  it('enforces HARD anti-passback online and only flags it offline', () => {
    const online = gate(true);
    online.scan(card(site.cards.wang));
    expect(reason(online.scan(card(site.cards.wang), DEVICES[1]))).toBe('ANTI_PASSBACK');

    const offline = gate(false);
    offline.scan(card(site.cards.wang));
    const again = offline.scan(card(site.cards.wang), DEVICES[1]);
    expect(again.decision).toMatchObject({ allow: true, antiPassbackViolation: true });
  });

  it('holds the first oil-depot scan for a second person and lets both in on the second', () => {
    const g = gate();
    const [first, second] = workers;
    const t0 = Date.now();
    g.state.moved(first!.id, AREA.production);
    g.state.moved(second!.id, AREA.production);

    expect(reason(g.scan(card('0I10'), oilDoor, t0))).toBe('SECOND_PERSON_REQUIRED');
    const both = g.scan(card('0I11'), oilDoor, t0 + 5_000);

    expect(both.decision).toMatchObject({ allow: true, releasedScan: { personId: first!.id } });
    expect([g.state.presenceOf(first!.id), g.state.presenceOf(second!.id)]).toEqual([AREA.oil, AREA.oil]);
    expect(g.state.occupancyOf(AREA.oil)).toBe(2);
  });

  it('does not let the second person be the first one scanning twice', () => {
    const g = gate();
    const t0 = Date.now();
    g.scan(card('0I10'), oilDoor, t0);
    expect(reason(g.scan(card('0I10'), oilDoor, t0 + 1_000))).toBe('SECOND_PERSON_REQUIRED');
  });

  it('enables only the floors an elevator passenger holds grants for', () => {
    const elevator: DeviceConfig = {
      ...DEVICES[0]!,
      id: 'lift-1',
      kind: 'elevator',
      floors: { '1': AREA.production, '2': AREA.control, '3': AREA.office },
    };
    const zhao = card('ZHAO0001');
    const g = gate();
    // 赵强 has production (post, rota) and a temporary control-room grant, but no office grant.
    expect(g.scan(zhao, elevator).floors).toEqual([1, 2]);
  });

  it('lets a visitor into an escort-required area only right behind their host, as the API decides', () => {
    const host = site.people.wang;
    const visitor: GatePerson = {
      id: randomUUID(),
      name: '访客',
      status: 'ACTIVE',
      type: 'VISITOR',
      grants: [{ id: randomUUID(), areaId: AREA.production, source: 'VISIT', escortIds: [host.id] }],
    };
    const escorted = buildSnapshot({
      ...site.cache,
      areas: site.cache.areas.map((a) =>
        a.id === AREA.production ? { ...a, policy: { ...a.policy, escort: { withinSeconds: 30 } } } : a,
      ),
      people: [...site.cache.people, visitor],
      cards: [...site.cache.cards, { number: 'VIS00001', status: 'ACTIVE', personId: visitor.id }],
    });
    const g = gate(true, new GateState(), escorted);
    const t0 = Date.now();
    expect(reason(g.scan(card('VIS00001'), DEVICES[0], t0))).toBe('ESCORT_REQUIRED');
    expect(reason(g.scan(card(site.cards.wang), DEVICES[0], t0 + 1_000))).toBe('ALLOW');
    // Behind the host at the other lane does not count: the escort must be at this door.
    expect(reason(g.scan(card('VIS00001'), DEVICES[1], t0 + 2_000))).toBe('ESCORT_REQUIRED');
    expect(reason(g.scan(card('VIS00001'), DEVICES[0], t0 + 5_000))).toBe('ALLOW');
  });
});
