/**
 * Masks an ID number the way the API does ("110101********1234"). The API already masks unless the
 * caller may read it in full; the "me" page masks again because a phone screen is easily overlooked.
 */
export function maskIdNumber(value: string | null | undefined): string {
  if (!value) return '';
  if (value.includes('*') || value.length <= 10) return value;
  return `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}
