import { idNumberCheckChar } from '@park/core';

export { archiveCsv } from '@park/api/testing/fixtures';

export function validIdNumber(first17: string): string {
  return first17 + idNumberCheckChar(first17);
}
