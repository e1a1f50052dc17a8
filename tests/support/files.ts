import { idNumberCheckChar } from '@park/core';

export function validIdNumber(first17: string): string {
  return first17 + idNumberCheckChar(first17);
}

const HEADER = [
  '姓名',
  '性别',
  '身份证号',
  '手机号',
  '工号',
  '人员类型',
  '组织',
  '岗位',
  '外协单位',
  '卡号',
  '车牌',
  '入职日期',
  '照片',
];

/** An archive CSV as HR exports it from a spreadsheet (UTF-8 with BOM). */
export function archiveCsv(rows: Partial<Record<(typeof HEADER)[number], string>>[]): string {
  const lines = [HEADER.join(','), ...rows.map((r) => HEADER.map((h) => r[h] ?? '').join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
