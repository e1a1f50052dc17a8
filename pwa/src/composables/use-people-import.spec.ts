import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import { fakeGraphQLFetch } from '../test/helpers';
import { useSession } from './use-graphql';
import { usePeopleImport } from './use-people-import';

const subscriptions = vi.hoisted(
  () => [] as Array<{ variables: { jobId: string }; next(data: unknown): void; stopped: boolean }>,
);
vi.mock('./use-subscription', () => ({
  useSubscription: () => ({
    subscribe: (_doc: unknown, variables: { jobId: string }, handlers: { next(data: unknown): void }) => {
      const entry = { variables, next: handlers.next, stopped: false };
      subscriptions.push(entry);
      return { ready: Promise.resolve(), stop: () => (entry.stopped = true) };
    },
  }),
}));

const dryRunWithErrors = {
  dryRun: true,
  ok: false,
  totalRows: 3,
  created: 0,
  jobId: 'dry',
  errors: [
    { row: 2, column: '身份证号', code: 'BAD_ID_NUMBER', message: '身份证号校验位错误' },
    { row: 3, column: null, code: 'VALIDATION', message: '缺少姓名' },
  ],
};
const cleanDryRun = { ...dryRunWithErrors, ok: true, errors: [] };

function start() {
  const scope = effectScope();
  const importer = scope.run(() => usePeopleImport())!;
  return { importer, scope };
}

describe('people import', () => {
  beforeEach(() => {
    subscriptions.length = 0;
    useSession().set({ accessToken: 'a', refreshToken: 'r', accessTokenExpiresAt: '' });
  });
  afterEach(() => useSession().clear());

  it('checks the file with a dry run first and keeps the per-row errors', async () => {
    const { fetch, calls } = fakeGraphQLFetch(() => ({ data: { importPeople: dryRunWithErrors } }));
    vi.stubGlobal('fetch', fetch);
    const { importer } = start();

    await importer.choose('people.csv', 'bmFtZQ==');

    expect(calls[0].variables).toEqual({
      input: { filename: 'people.csv', contentBase64: 'bmFtZQ==', dryRun: true, jobId: null },
    });
    expect(importer.step.value).toBe('checked');
    expect(importer.check.value?.errors.map((e) => e.row)).toEqual([2, 3]);
  });

  it('will not run the real import while the dry run has errors', async () => {
    const { fetch } = fakeGraphQLFetch(() => ({ data: { importPeople: dryRunWithErrors } }));
    vi.stubGlobal('fetch', fetch);
    const { importer } = start();
    await importer.choose('people.csv', 'eA==');
    await importer.commit();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(subscriptions).toHaveLength(0);
  });

  it('subscribes to progress with a fresh jobId before running the import with that same jobId', async () => {
    const { fetch, calls } = fakeGraphQLFetch((_op, vars) => {
      const input = vars.input as { dryRun: boolean; jobId: string | null };
      if (input.dryRun) return { data: { importPeople: cleanDryRun } };
      // By the time the mutation arrives the subscription must already exist.
      expect(subscriptions.map((s) => s.variables.jobId)).toEqual([input.jobId]);
      subscriptions[0].next({
        importProgress: { jobId: input.jobId, phase: 'commit', processed: 2, total: 4 },
      });
      return { data: { importPeople: { ...cleanDryRun, dryRun: false, created: 3, jobId: input.jobId } } };
    });
    vi.stubGlobal('fetch', fetch);
    const { importer } = start();
    await importer.choose('people.xlsx', 'eA==');

    await importer.commit();

    const jobId = (calls[1].variables.input as { jobId: string }).jobId;
    expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
    expect(importer.progress.value).toMatchObject({ processed: 2, total: 4 });
    expect(importer.step.value).toBe('done');
    expect(importer.result.value?.created).toBe(3);
    expect(importer.percent.value).toBe(100);
    expect(subscriptions[0].stopped).toBe(true);
  });
});
