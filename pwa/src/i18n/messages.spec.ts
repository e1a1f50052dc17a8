import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './en';
import zhCN from './zh-CN';

const SRC = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'gql' ? [] : sourceFiles(path);
    return /\.(vue|ts)$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

function lookup(messages: object, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
}

describe('messages', () => {
  // vue-i18n's t() accepts any string, so a typo would show the raw key to users instead of failing the build.
  it('has a Chinese and an English text for every literal key the code uses', () => {
    const keys = new Set<string>();
    for (const file of sourceFiles(SRC)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\('([\w.]+)'/g)) keys.add(match[1]);
    }
    expect(keys.size).toBeGreaterThan(50);
    const missing = [...keys].filter(
      (key) => typeof lookup(zhCN, key) !== 'string' || typeof lookup(en, key) !== 'string',
    );
    expect(missing).toEqual([]);
  });
});
