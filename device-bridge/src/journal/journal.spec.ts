import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccessEvent } from './access-event.js';
import { DUPLICATE_WINDOW_MS, JOURNAL_FILE, Journal } from './journal.js';
import { idEndingAt, readEntries } from './journal-reader.js';

const silent = pino({ level: 'silent' });

function event(seq: number, at = Date.now(), extra: Partial<AccessEvent> = {}): AccessEvent {
  return {
    id: `lane-1:${seq}`,
    deviceId: 'lane-1',
    seq,
    occurredAt: new Date(at).toISOString(),
    deviceAt: null,
    passagePointId: 'pp-1',
    direction: 'IN',
    personId: 'p-1',
    credentialKind: 'CARD',
    credentialRef: 'A1B2C3D4',
    result: 'GRANTED',
    reason: null,
    decidedOffline: true,
    antiPassbackViolation: false,
    grantId: 'g-1',
    releasedScanId: null,
    passExp: null,
    command: { kind: 'unlock', body: { id: `c-${seq}`, seq, allow: true, pulseMs: 3000 } },
    ...extra,
  };
}

describe('the journal', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'journal-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('drops a line torn by a crash when it opens, and appends cleanly after it', async () => {
    const journal = await Journal.open(dir, silent);
    journal.append(event(1));
    await journal.close();
    await appendFile(join(dir, JOURNAL_FILE), '{"id":"lane-1:2","seq":2,"occur');

    const reopened = await Journal.open(dir, silent);
    reopened.append(event(3));
    await reopened.close();

    const lines = (await readFile(join(dir, JOURNAL_FILE), 'utf8')).trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as AccessEvent).id)).toEqual(['lane-1:1', 'lane-1:3']);
  });

  it('remembers recent ids across a reopen and forgets those older than the duplicate window', async () => {
    const now = Date.now();
    const journal = await Journal.open(dir, silent, now);
    journal.append(event(1, now - DUPLICATE_WINDOW_MS - 1_000));
    journal.append(event(2, now));
    await journal.close();

    const reopened = await Journal.open(dir, silent, now);
    expect(reopened.get('lane-1:1', now)).toBeUndefined();
    expect(reopened.get('lane-1:2', now)?.command).toEqual(event(2).command);
    await reopened.close();
  });

  it('writes a burst of appends in a few fsync’d batches, not one per event', async () => {
    const journal = await Journal.open(dir, silent);
    let batches = 0;
    journal.onFlushed(() => batches++);
    for (let seq = 1; seq <= 200; seq++) journal.append(event(seq));
    await journal.flush();
    expect(batches).toBeLessThanOrEqual(2);
    expect((await readEntries(journal.file, 0, journal.durableSize, 1_000)).length).toBe(200);
    await journal.close();
  });

  it('keeps the ids of QR passes that are still valid, so a restart refuses their replay', async () => {
    const now = Date.now();
    const journal = await Journal.open(dir, silent, now);
    const qr = {
      credentialKind: 'QR',
      credentialRef: 'jti-live-0000001',
      passExp: Math.floor(now / 1000) + 40,
    } as const;
    journal.append(event(1, now, qr));
    journal.append(
      event(2, now, { ...qr, credentialRef: 'jti-gone-0000001', passExp: Math.floor(now / 1000) - 5 }),
    );
    await journal.close();

    const reopened = await Journal.open(dir, silent, now);
    expect(reopened.livePasses).toEqual([{ jti: 'jti-live-0000001', exp: qr.passExp }]);
    await reopened.close();
  });
});

describe('reading the journal for upload', () => {
  it('returns whole lines from an offset, each with the offset after it, and finds the id ending at one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'journal-'));
    try {
      const journal = await Journal.open(dir, silent);
      for (const seq of [1, 2, 3]) journal.append(event(seq));
      await journal.close();
      const file = join(dir, JOURNAL_FILE);
      const all = await readEntries(file, 0, Number.MAX_SAFE_INTEGER, 10);
      const rest = await readEntries(file, all[0]!.end, all[2]!.end, 10);

      expect(rest.map((e) => e.event.id)).toEqual(['lane-1:2', 'lane-1:3']);
      expect(await idEndingAt(file, all[1]!.end)).toBe('lane-1:2');
      expect(await idEndingAt(file, all[1]!.end - 3)).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
