import ExcelJS from 'exceljs';
import { IdentityErrors } from './identity.errors.js';

/** The columns of the archive file, import and export alike, in order. */
export const COLUMNS = [
  { key: 'name', header: '姓名' },
  { key: 'gender', header: '性别' },
  { key: 'idNumber', header: '身份证号' },
  { key: 'phone', header: '手机号' },
  { key: 'employeeNo', header: '工号' },
  { key: 'type', header: '人员类型' },
  { key: 'orgUnit', header: '组织' },
  { key: 'post', header: '岗位' },
  { key: 'company', header: '外协单位' },
  { key: 'cardNumber', header: '卡号' },
  { key: 'plate', header: '车牌' },
  { key: 'entryDate', header: '入职日期' },
  { key: 'photoUrl', header: '照片' },
] as const;

export type ColumnKey = (typeof COLUMNS)[number]['key'];
export type RawRow = { row: number } & Partial<Record<ColumnKey, string>>;

const HEADER_TO_KEY = new Map<string, ColumnKey>(COLUMNS.map((c) => [c.header, c.key]));
export const MAX_ROWS = 50_000;

export async function readRows(filename: string, content: Buffer): Promise<RawRow[]> {
  const table = /\.xlsx$/i.test(filename)
    ? await readXlsx(content)
    : /\.csv$/i.test(filename)
      ? readCsv(content)
      : null;
  if (!table) throw IdentityErrors.badImportFile('只支持 .xlsx 或 .csv 文件');
  const [header, ...body] = table;
  if (!header) throw IdentityErrors.badImportFile('文件是空的');
  const keys = header.map((h) => HEADER_TO_KEY.get(h.trim()));
  if (!keys.includes('name')) throw IdentityErrors.badImportFile('第 1 行须为表头，至少包含「姓名」列');
  if (body.length > MAX_ROWS) throw IdentityErrors.badImportFile(`一次最多导入 ${MAX_ROWS} 行`);
  const rows: RawRow[] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => !c.trim())) return;
    const row: RawRow = { row: i + 2 };
    keys.forEach((k, j) => {
      const v = cells[j]?.trim();
      if (k && v) row[k] = v;
    });
    rows.push(row);
  });
  return rows;
}

async function readXlsx(content: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw IdentityErrors.badImportFile('不是有效的 Excel (.xlsx) 文件');
  }
  const sheet = wb.worksheets[0];
  if (!sheet) return [];
  const out: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (r) => {
    const cells: string[] = [];
    for (let c = 1; c <= r.cellCount; c++) cells.push(cellText(r.getCell(c).value));
    out.push(cells);
  });
  return out;
}

function cellText(v: ExcelJS.CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v !== 'object') return String(v);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  // A hyperlink shows its text; a formula (=DATE(2024,3,1), =A2&B2) counts as what it computed.
  if ('text' in v) return cellText(v.text as ExcelJS.CellValue);
  if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
  return '';
}

/**
 * RFC 4180 CSV in UTF-8, with or without BOM ("CSV UTF-8"), or in GB18030/GBK, which is what a
 * Chinese Excel writes for plain "CSV (逗号分隔)". Text that is not valid UTF-8 is read as GB18030.
 */
export function readCsv(content: Buffer): string[][] {
  const text = decodeCsv(content);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else cell += ch;
  }
  if (cell || row.length) endRow();
  return rows;
}

function decodeCsv(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(content);
  }
}

export async function writeXlsx(rows: Partial<Record<ColumnKey, string>>[]): Promise<Buffer> {
  return writeSheet(
    '人员档案',
    COLUMNS.map((c) => ({ ...c, width: c.key === 'orgUnit' ? 30 : 16 })),
    rows,
  );
}

/** One sheet with a bold header row: the XLSX every export of ours produces. */
export async function writeSheet<K extends string>(
  name: string,
  columns: readonly { key: K; header: string; width?: number }[],
  rows: Partial<Record<K, string>>[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(name);
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
