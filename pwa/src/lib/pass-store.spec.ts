import { beforeEach, describe, expect, it } from 'vitest';
import { batchFor } from '../test/pass-fixtures';
import { clearPassBatch, readPassBatch, writePassBatch } from './pass-store';

describe('stored pass codes', () => {
  beforeEach(() => localStorage.clear());

  it('gives the batch back to the person it was issued to', () => {
    writePassBatch(batchFor('alice', 1_000));
    expect(readPassBatch('alice')?.codes).toHaveLength(20);
  });

  it("ignores and drops another user's batch on the same phone", () => {
    writePassBatch(batchFor('alice', 1_000));
    expect(readPassBatch('bob')).toBeNull();
    expect(localStorage.getItem('park.passes')).toBeNull();
  });

  it('treats a damaged entry as no batch', () => {
    localStorage.setItem('park.passes', '{"personId":"alice","codes":[{"token":1}]}');
    expect(readPassBatch('alice')).toBeNull();
    localStorage.setItem('park.passes', 'not json');
    expect(readPassBatch('alice')).toBeNull();
  });

  it('can be cleared', () => {
    writePassBatch(batchFor('alice', 1_000));
    clearPassBatch();
    expect(readPassBatch('alice')).toBeNull();
  });
});
