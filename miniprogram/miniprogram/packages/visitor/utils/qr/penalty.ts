// The standard's mask penalty (ISO/IEC 18004 §7.8.3): the mask with the lowest score scans best.

const N1 = 3;
const N2 = 3;
const N3 = 40;
const N4 = 10;
/** 1:1:3:1:1 finder-like runs with four light modules on either side, as 11-bit windows. */
const FINDER_LIKE = [0b10111010000, 0b00001011101];

function lineScore(line: readonly boolean[]): number {
  let score = 0;
  let run = 0;
  let window = 0;
  for (let i = 0; i < line.length; i++) {
    if (i > 0 && line[i] === line[i - 1]) run++;
    else {
      if (run >= 5) score += N1 + run - 5;
      run = 1;
    }
    window = ((window << 1) & 0x7ff) | (line[i] ? 1 : 0);
    if (i >= 10 && FINDER_LIKE.includes(window)) score += N3;
  }
  if (run >= 5) score += N1 + run - 5;
  return score;
}

export function penalty(modules: readonly (readonly boolean[])[]): number {
  const size = modules.length;
  let score = 0;
  let dark = 0;
  for (let y = 0; y < size; y++) {
    score += lineScore(modules[y]!);
    score += lineScore(modules.map((row) => row[y]!));
    for (let x = 0; x < size; x++) {
      const here = modules[y]![x]!;
      if (here) dark++;
      if (
        x + 1 < size &&
        y + 1 < size &&
        here === modules[y]![x + 1] &&
        here === modules[y + 1]![x] &&
        here === modules[y + 1]![x + 1]
      )
        score += N2;
    }
  }
  const total = size * size;
  score += Math.floor(Math.abs(dark * 20 - total * 10) / total) * N4;
  return score;
}
