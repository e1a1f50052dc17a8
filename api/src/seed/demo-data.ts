import { idNumberCheckChar } from '@park/core';

/** Deterministic pseudo-random numbers, so every demo plant is the same plant. */
export function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = ReturnType<typeof prng>;
export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强海波海燕鹏飞晓东晓明雪梅红梅玉兰丽娟建军宏伟文博子轩浩然欣怡梓涵宇航思远嘉怡俊杰'.match(
    /./gu,
  )!;

export function chineseName(r: Rand): string {
  const n = 1 + Math.floor(r() * 2);
  let name = pick(r, SURNAMES.match(/./gu)!);
  for (let i = 0; i < n; i++) name += pick(r, GIVEN);
  return name;
}

/** A valid 18-digit ID number (region of the plant's city, plausible birth date, correct check). */
export function idNumber(r: Rand, serial: number): string {
  const region = pick(r, ['370202', '370203', '370211', '370212', '370281', '370283']);
  const y = 1965 + Math.floor(r() * 38);
  const m = 1 + Math.floor(r() * 12);
  const d = 1 + Math.floor(r() * 28);
  const seq = String(serial % 1000).padStart(3, '0');
  const first17 = `${region}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${seq}`;
  return first17 + idNumberCheckChar(first17);
}

export function mobile(r: Rand): string {
  return `1${pick(r, ['35', '36', '37', '38', '39', '50', '51', '58', '59', '86', '87', '88'])}${String(Math.floor(r() * 1e8)).padStart(8, '0')}`;
}

const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
export function plate(r: Rand, i: number): string {
  const serial = String(10000 + ((i * 7919) % 89999));
  return i % 5 === 0
    ? `鲁B${pick(r, ['D', 'F'])}${serial}`
    : `鲁${pick(r, ['B', 'U'])}${LETTERS[i % LETTERS.length]}${serial.slice(1)}`;
}

export const PLANT = { code: 'DG', name: '东港发电有限公司' };

/** Departments with their teams (班组) and the posts people there hold. */
export const DEPARTMENTS: { code: string; name: string; teams: string[]; posts: string[]; size: number }[] = [
  {
    code: 'YX',
    name: '运行部',
    teams: ['运行一值', '运行二值', '运行三值', '运行四值', '运行五值'],
    posts: ['值长', '主值班员', '副值班员', '巡检员'],
    size: 70,
  },
  {
    code: 'JX',
    name: '检修部',
    teams: ['电气班', '热控班', '锅炉班', '汽机班'],
    posts: ['班长', '检修工', '技术员'],
    size: 50,
  },
  { code: 'AJ', name: '安全监察部', teams: [], posts: ['安全员', '部门经理'], size: 8 },
  { code: 'BW', name: '保卫部', teams: ['门岗班'], posts: ['保卫干事', '门卫'], size: 16 },
  { code: 'RL', name: '燃料部', teams: ['输煤班', '煤场班'], posts: ['班长', '输煤值班员'], size: 24 },
  { code: 'HX', name: '化学车间', teams: ['化验班'], posts: ['化验员', '班长'], size: 10 },
  { code: 'ZH', name: '综合办公室', teams: [], posts: ['办公室文员', '部门经理'], size: 10 },
  { code: 'RZ', name: '人力资源部', teams: [], posts: ['人事专员', '部门经理'], size: 6 },
  { code: 'XX', name: '信息中心', teams: [], posts: ['工程师'], size: 6 },
  { code: 'HQ', name: '后勤服务中心', teams: ['食堂'], posts: ['厨师', '食堂管理员'], size: 20 },
];

export const CONTRACTORS = [
  { name: '山东电建检修工程有限公司', creditCode: '91370200MA3C5E7X1K', workers: 30 },
  { name: '青岛恒安保洁服务有限公司', creditCode: '91370203MA3D2F8Y2L', workers: 18 },
  { name: '鲁能物流运输有限公司', creditCode: '91370211MA3E9G1Z3M', workers: 12 },
];

export const VISITORS = 20;
