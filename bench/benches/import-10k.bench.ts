// 基础档案导入: a 10,000-row XLSX through `importPeople` as HR, first the dry run (validate only), then
// the real run (validates again and writes everything in one transaction). Building the file is not timed.
import { figure, log, withApi } from '../lib/harness.js';
import { IMPORT, type ImportResult, personRows, placements, xlsxBase64 } from '../lib/people.js';

export const figures = ['import-10k-rows-s', 'import-10k-dry-run-s', 'import-10k-commit-s'];

const ROWS = 10_000;

await withApi({ seed: true }, async (api) => {
  const hr = api.logins.find((l) => l.username === 'hr')!;
  const token = await api.login(hr.username, hr.password);
  const contentBase64 = await xlsxBase64(personRows(ROWS, await placements(api, token)));
  log(`import-10k: ${ROWS} rows, ${(contentBase64.length / 1024 / 1024).toFixed(2)} MiB as base64`);

  const run = async (dryRun: boolean) => {
    const t = performance.now();
    const input = { filename: '人员档案.xlsx', contentBase64, dryRun };
    const { importPeople: r } = await api.gql<{ importPeople: ImportResult }>(IMPORT, { input }, token);
    const s = (performance.now() - t) / 1000;
    if (!r.ok || r.totalRows !== ROWS || r.created !== (dryRun ? 0 : ROWS)) {
      throw new Error(
        `import (dryRun ${dryRun}) failed: ${JSON.stringify({ ...r, errors: r.errors.slice(0, 5) })}`,
      );
    }
    return s;
  };
  const dry = await run(true);
  const commit = await run(false);
  const { people } = await api.gql<{ people: { total: number } }>(
    '{ people(limit: 1) { total } }',
    {},
    token,
  );
  log(`import-10k: ${people.total} people in the database afterwards`);
  figure('import-10k-rows-s', dry + commit, 's', 2);
  figure('import-10k-dry-run-s', dry, 's', 2);
  figure('import-10k-commit-s', commit, 's', 2);
});
