import type { AreaFieldsFragment, FailMode, PassageKind, PassagePointInput } from '../gql/graphql';

export const PASSAGE_KINDS: readonly PassageKind[] = ['DOOR', 'TURNSTILE', 'BARRIER', 'ELEVATOR'];
export const FAIL_MODES: readonly FailMode[] = ['SAFE', 'SECURE'];

export interface PointFormValues {
  name: string;
  code: string;
  kind: PassageKind;
  fromAreaId: string | null;
  toAreaId: string | null;
  failMode: FailMode;
  interlockGroup: string;
  firstCardNormalOpen: boolean;
}

export function emptyPointForm(): PointFormValues {
  return {
    name: '',
    code: '',
    kind: 'DOOR',
    fromAreaId: null,
    toAreaId: null,
    failMode: 'SAFE',
    interlockGroup: '',
    firstCardNormalOpen: false,
  };
}

/** The server's default: a door into a key area locks on power loss; every other door is an escape route. */
export function defaultFailMode(inner: Pick<AreaFieldsFragment, 'securityLevel'> | undefined): FailMode {
  return inner?.securityLevel === 'KEY' ? 'SECURE' : 'SAFE';
}

export function toPointInput(values: PointFormValues): PassagePointInput {
  return {
    name: values.name.trim(),
    code: values.code.trim(),
    kind: values.kind,
    fromAreaId: values.fromAreaId ?? '',
    toAreaId: values.toAreaId ?? '',
    failMode: values.failMode,
    interlockGroup: values.interlockGroup.trim() || null,
    firstCardNormalOpen: values.firstCardNormalOpen,
  };
}
