import ExcelJS from 'exceljs';
import { COLUMNS } from '../identity/import-file.js';

/** The columns of the 基础档案 file, in the order HR's template has them (the import's own list). */
export const ARCHIVE_HEADER = COLUMNS.map((c) => c.header);
type Header = (typeof COLUMNS)[number]['header'];

export type ArchiveRow = Partial<Record<Header, string>>;

const cells = (r: ArchiveRow) => ARCHIVE_HEADER.map((h) => r[h] ?? '');

/** CSV as Excel's "CSV UTF-8" writes it: BOM, CRLF, quotes where needed. */
export function archiveCsv(rows: ArchiveRow[]): string {
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [ARCHIVE_HEADER, ...rows.map(cells)].map((l) => l.map(quote).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** An XLSX; a row may hold typed cells (numbers, dates, formulas, links) as Excel users make them. */
export async function archiveXlsx(rows: Partial<Record<Header, ExcelJS.CellValue>>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('人员');
  sheet.addRow([...ARCHIVE_HEADER]);
  for (const r of rows) sheet.addRow(ARCHIVE_HEADER.map((h) => r[h] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let gbkTable: Map<string, Buffer> | undefined;

/** Text in GBK, as a Chinese Excel saves "CSV (逗号分隔)". Node only decodes GBK, so invert its table. */
export function gbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        const bytes = Buffer.from([hi, lo]);
        const ch = decoder.decode(bytes);
        if (ch.length === 1 && ch !== '\uFFFD' && !gbkTable.has(ch)) gbkTable.set(ch, bytes);
      }
    }
  }
  return Buffer.concat(
    [...text].map((ch) =>
      ch.charCodeAt(0) < 0x80 ? Buffer.from(ch) : (gbkTable!.get(ch) ?? Buffer.from('?')),
    ),
  );
}

/** The first sheet of an XLSX as a header and rows of text. */
export async function readSheet(
  content: Buffer,
): Promise<{ header: string[]; rows: Record<string, string>[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0]!;
  const text = (r: number) =>
    Array.from({ length: sheet.columnCount }, (_, c) => String(sheet.getRow(r).getCell(c + 1).text ?? ''));
  const header = text(1);
  const rows: Record<string, string>[] = [];
  for (let r = 2; r <= sheet.rowCount; r++)
    rows.push(Object.fromEntries(text(r).map((v, i) => [header[i], v])));
  return { header, rows };
}
