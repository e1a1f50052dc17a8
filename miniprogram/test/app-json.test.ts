import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Routes } from '../miniprogram/utils/routes';
import { miniprogramRoot } from './support/paths';

interface AppJson {
  pages: string[];
  subpackages: { root: string; pages: string[] }[];
  tabBar?: { list: { pagePath: string }[] };
}

const appJson = JSON.parse(readFileSync(path.join(miniprogramRoot, 'app.json'), 'utf8')) as AppJson;
const mainPages = appJson.pages;
const subpackagePages = appJson.subpackages.flatMap(({ root, pages }) =>
  pages.map((page) => `${root}/${page}`),
);
const allPages = [...mainPages, ...subpackagePages];

describe('app.json', () => {
  it.each(allPages)('registers %s with its ts, wxml, wxss and json files', (page) => {
    for (const extension of ['ts', 'wxml', 'wxss', 'json']) {
      expect(existsSync(path.join(miniprogramRoot, `${page}.${extension}`)), `${page}.${extension}`).toBe(
        true,
      );
    }
  });

  it('registers every route the code navigates to', () => {
    const registered = allPages.map((page) => `/${page}`);

    expect(registered).toEqual(expect.arrayContaining(Object.values(Routes)));
  });

  it('keeps the audiences out of the main package: only login, home and me load up front', () => {
    expect(mainPages).toEqual(['pages/login/index', 'pages/home/index', 'pages/me/index']);
    expect(appJson.subpackages.map(({ root }) => root)).toEqual(['packages/visitor', 'packages/contractor']);
  });

  it('tells contractors honestly that their feature arrives later', () => {
    const contractorPages = subpackagePages.filter((page) => page.startsWith('packages/contractor/'));

    expect(contractorPages).not.toHaveLength(0);
    for (const page of contractorPages) {
      expect(readFileSync(path.join(miniprogramRoot, `${page}.wxml`), 'utf8')).toContain('即将上线');
    }
  });

  it('keeps the visitor pages in the visitor subpackage, never in the main package', () => {
    const visitorPages = subpackagePages.filter((page) => page.startsWith('packages/visitor/'));

    expect(visitorPages).toEqual([
      'packages/visitor/pages/bookings/index',
      'packages/visitor/pages/book/index',
      'packages/visitor/pages/visit/index',
      'packages/visitor/pages/pass/index',
    ]);
  });
});

/** Every TypeScript source under a folder of the mini-program, relative to its root. */
function sources(folder: string): string[] {
  return readdirSync(path.join(miniprogramRoot, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => path.join(folder, file));
}

/** The files a source imports, resolved relative to the mini-program root. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(miniprogramRoot, file), 'utf8');
  return [...text.matchAll(/from '(\.[^']+)'/g)].map((match) => path.join(path.dirname(file), match[1]!));
}

describe('package boundaries (WeChat refuses a require across them)', () => {
  const mainSources = ['app.ts', ...sources('pages'), ...sources('utils'), ...sources('gql')];

  it('keeps the main package free of subpackage code', () => {
    for (const file of mainSources) {
      for (const target of importsOf(file)) expect(target, file).not.toMatch(/^packages\//);
    }
  });

  it('keeps each subpackage to itself and the main package', () => {
    for (const root of appJson.subpackages.map((subpackage) => subpackage.root)) {
      for (const file of sources(root)) {
        for (const target of importsOf(file)) {
          if (target.startsWith('packages/'))
            expect(target.startsWith(`${root}/`), `${file} → ${target}`).toBe(true);
        }
      }
    }
  });
});
