import type { OffboardPersonMutation } from '../../gql/graphql';

export type OffboardSummary = OffboardPersonMutation['offboardPerson'];

export interface PickerOption {
  text: string;
  value: string;
}

/** Server error codes shown beside the field they concern rather than as a general message. */
export type FieldErrors = Partial<Record<'name' | 'idNumber' | 'phone' | 'orgUnitId' | 'postId', string>>;
