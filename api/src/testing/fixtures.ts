// Data builders with no server behind them, for benches and scenarios that only need files and names.

export { DEPARTMENTS, PLANT } from '../seed/demo-data.js';
export { ARCHIVE_HEADER, type ArchiveRow, archiveCsv, archiveXlsx } from './archive-file.js';
