/** 0.99534 → "99.53%"; trailing zeros go, so a target of 0.99 reads "99%". */
export function formatPercent(ratio: number | null | undefined, digits = 2): string {
  if (ratio == null || Number.isNaN(ratio)) return '';
  const fixed = (ratio * 100).toFixed(digits);
  return `${fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed}%`;
}
