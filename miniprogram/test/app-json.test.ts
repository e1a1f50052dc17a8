import { existsSync, readFileSync } from 'node:fs';
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

  it('tells the visitor honestly that each subpackage feature arrives later', () => {
    for (const page of subpackagePages) {
      expect(readFileSync(path.join(miniprogramRoot, `${page}.wxml`), 'utf8')).toContain('即将上线');
    }
  });
});
