import { type ComputedRef, computed, type Ref, ref, shallowRef } from 'vue';
import {
  ImportPeopleDocument,
  type ImportPeopleMutation,
  ImportProgressDocument,
  type ImportProgressSubscription,
} from '../gql/graphql';
import { randomId } from '../lib/uuid';
import { useGraphQL } from './use-graphql';
import { useSubscription } from './use-subscription';

export type ImportResult = ImportPeopleMutation['importPeople'];
export type ImportProgress = ImportProgressSubscription['importProgress'];
export type ImportStep = 'idle' | 'checking' | 'checked' | 'importing' | 'done';

export interface PeopleImport {
  step: Ref<ImportStep>;
  filename: Ref<string>;
  /** The latest dry-run answer (or a real run that was refused), whose errors the table shows. */
  check: Ref<ImportResult | null>;
  result: Ref<ImportResult | null>;
  progress: Ref<ImportProgress | null>;
  percent: ComputedRef<number>;
  failure: Ref<unknown>;
  choose(filename: string, contentBase64: string): Promise<void>;
  commit(): Promise<void>;
}

export function usePeopleImport(): PeopleImport {
  const client = useGraphQL();
  const { subscribe } = useSubscription();
  const step = ref<ImportStep>('idle');
  const filename = ref('');
  let content = '';
  const check = shallowRef<ImportResult | null>(null);
  const result = shallowRef<ImportResult | null>(null);
  const progress = shallowRef<ImportProgress | null>(null);
  const failure = shallowRef<unknown>(null);

  async function run(dryRun: boolean, jobId?: string): Promise<ImportResult> {
    const input = { filename: filename.value, contentBase64: content, dryRun, jobId: jobId ?? null };
    return (await client.request(ImportPeopleDocument, { input })).importPeople;
  }

  async function choose(name: string, contentBase64: string): Promise<void> {
    filename.value = name;
    content = contentBase64;
    check.value = null;
    result.value = null;
    failure.value = null;
    step.value = 'checking';
    try {
      check.value = await run(true);
      step.value = 'checked';
    } catch (error) {
      failure.value = error;
      step.value = 'idle';
    }
  }

  async function commit(): Promise<void> {
    if (!check.value?.ok) return;
    const jobId = randomId();
    progress.value = null;
    failure.value = null;
    step.value = 'importing';
    // Subscribe first so the first progress events of a fast import are not lost.
    const subscription = subscribe(
      ImportProgressDocument,
      { jobId },
      {
        next: (data) => {
          progress.value = data.importProgress;
        },
      },
    );
    try {
      await subscription.ready;
      const outcome = await run(false, jobId);
      if (outcome.ok) {
        result.value = outcome;
        step.value = 'done';
      } else {
        check.value = outcome;
        step.value = 'checked';
      }
    } catch (error) {
      failure.value = error;
      step.value = 'checked';
    } finally {
      subscription.stop();
    }
  }

  const percent = computed(() => {
    const p = progress.value;
    if (step.value === 'done') return 100;
    return p && p.total > 0 ? Math.min(100, Math.round((p.processed / p.total) * 100)) : 0;
  });

  return { step, filename, check, result, progress, percent, failure, choose, commit };
}
