import { ARCHIVE_HEADER, DEPARTMENTS } from '@park/api/testing/fixtures';
import { idNumberCheckChar, parsePlate } from '@park/core';
import ExcelJS from 'exceljs';
import { type Api, prng } from './harness.js';

/** The posts people hold in each department of the demo plant. */
const DEPARTMENT_POSTS: Record<string, string[]> = Object.fromEntries(
  DEPARTMENTS.map((d) => [d.name, d.posts]),
);

export interface Placement {
  orgUnit: string;
  post: string;
}

/** Org unit full names (公司/部门/班组) and posts that exist in the seeded plant, paired as the seed pairs them. */
export async function placements(api: Api, token: string): Promise<Placement[]> {
  const q = '{ orgUnits { fullName kind } posts { name } }';
  const { orgUnits, posts } = await api.gql<{
    orgUnits: { fullName: string; kind: string }[];
    posts: { name: string }[];
  }>(q, {}, token);
  const existing = new Set(posts.map((p) => p.name));
  const out = orgUnits
    .filter((u) => u.kind !== 'COMPANY')
    .flatMap((u) =>
      (DEPARTMENT_POSTS[u.fullName.split('/')[1]!] ?? [])
        .filter((p) => existing.has(p))
        .map((post) => ({ orgUnit: u.fullName, post })),
    );
  if (!out.length) throw new Error('no org unit / post pairs found: is the demo plant seeded?');
  return out;
}

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟',
];
const GIVEN = [
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华建国志海波燕鹏飞晓东雪梅玉文博轩浩然欣怡涵宇航思远嘉俊',
];
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/**
 * Employee rows for the archive file, all fields filled and unique from row to row (and from the demo
 * plant): ID numbers from region 370214 (the seed uses others) with a GB 11643 check character, card
 * numbers BK…, employee numbers B…, 京A plates (every fifth a new-energy one).
 */
export function personRows(count: number, where: Placement[], seed = 1): string[][] {
  const r = prng(seed);
  const rows: string[][] = [];
  for (let i = 0; i < count; i++) {
    const birth = new Date(Date.UTC(1965, 0, 1) + i * 86_400_000); // one birthday each: unique numbers
    const first17 = `370214${birth.toISOString().slice(0, 10).replaceAll('-', '')}${String((i * 7) % 1000).padStart(3, '0')}`;
    const serial = String(i).padStart(5, '0');
    const plate = parsePlate(i % 5 === 0 ? `京AD${serial}` : `京A${serial}`);
    if (!plate) throw new Error(`bad plate for row ${i}`);
    const place = where[i % where.length]!;
    const name = pick(r, SURNAMES) + pick(r, GIVEN) + (r() < 0.6 ? pick(r, GIVEN) : '');
    rows.push([
      name,
      '',
      first17 + idNumberCheckChar(first17),
      `139${String(i).padStart(8, '0')}`,
      `B${String(i).padStart(6, '0')}`,
      '职工',
      place.orgUnit,
      place.post,
      '',
      `BK${String(i).padStart(8, '0')}`,
      plate.plate,
      `20${String(5 + (i % 20)).padStart(2, '0')}-0${1 + (i % 9)}-15`,
      `/photos/b${i}.jpg`,
    ]);
  }
  return rows;
}

export async function xlsxBase64(rows: string[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('人员档案');
  sheet.addRow(ARCHIVE_HEADER);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

export const IMPORT = `mutation($input: ImportPeopleInput!) {
  importPeople(input: $input) { ok totalRows created errors { row column code message } }
}`;

export interface ImportResult {
  ok: boolean;
  totalRows: number;
  created: number;
  errors: { row: number; column: string | null; code: string; message: string }[];
}
