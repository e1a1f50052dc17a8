import type { OffboardPersonMutation } from '../../gql/graphql';

export type OffboardSummary = OffboardPersonMutation['offboardPerson'];

export type { PickerOption } from '../form/types';

/** Server error codes shown beside the field they concern rather than as a general message. */
export type FieldErrors = Partial<Record<'name' | 'idNumber' | 'phone' | 'orgUnitId' | 'postId', string>>;
