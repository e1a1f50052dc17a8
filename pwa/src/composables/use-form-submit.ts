import { type Ref, ref } from 'vue';
import { GraphQLRequestError } from '../lib/graphql-errors';
import { useErrorText } from './use-graphql';

export interface FormSubmit<K extends string> {
  submitting: Ref<boolean>;
  fieldErrors: Ref<Partial<Record<K, string>>>;
  formError: Ref<string>;
  /** Runs `save`; a server error naming one of `fields` lands beside it, any other above the button. */
  run(save: () => Promise<void>): Promise<void>;
}

export function useFormSubmit<K extends string>(fields: readonly K[]): FormSubmit<K> {
  const errorText = useErrorText();
  const submitting = ref(false);
  const fieldErrors = ref({}) as Ref<Partial<Record<K, string>>>;
  const formError = ref('');

  async function run(save: () => Promise<void>): Promise<void> {
    submitting.value = true;
    fieldErrors.value = {};
    formError.value = '';
    try {
      await save();
    } catch (error) {
      const field = error instanceof GraphQLRequestError ? error.field : undefined;
      if (field && (fields as readonly string[]).includes(field)) {
        fieldErrors.value = { [field]: errorText(error) } as Partial<Record<K, string>>;
      } else {
        formError.value = errorText(error);
      }
    } finally {
      submitting.value = false;
    }
  }

  return { submitting, fieldErrors, formError, run };
}
