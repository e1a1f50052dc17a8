// Elevator floor mask: which floors a person may select right now. Floors are areas; the mapping
// from the controller's floor numbers to areas belongs to the elevator's configuration. The same
// grant and qualification rules as decide() apply, so a floor that is a key area needs its own grant.
// Authenticate the scan with decide() at the elevator's passage point first; this only picks floors.
import type { Grant, Person, SiteData } from './access.types.js';
import { areaChain } from './area-tree.js';
import { findGrant, qualificationProblem } from './grants.js';

export interface FloorMaskInput {
  readonly at: number;
  readonly person: Person;
  readonly grants: readonly Grant[];
  readonly site: SiteData;
  /** Controller floor number (a non-negative integer: bit n of the mask) → area id. */
  readonly floors: ReadonlyMap<number, string>;
}

export interface FloorMask {
  /** Allowed floor numbers, ascending. */
  readonly floors: number[];
  /** Bit n set when floor n is allowed; bigint because towers and controllers exceed 32 floors. */
  readonly mask: bigint;
}

export function floorMask(input: FloorMaskInput): FloorMask {
  const { at, person, grants, site } = input;
  const floors: number[] = [];
  let mask = 0n;
  if (person.status !== 'ACTIVE') return { floors, mask };
  for (const [floor, areaId] of input.floors) {
    // A floor number the controller cannot address is misconfiguration; leave it locked.
    if (!Number.isInteger(floor) || floor < 0) continue;
    const chain = areaChain(site.areas, areaId);
    if (chain.length === 0) continue;
    if (!findGrant(person, grants, chain, at, site).ok) continue;
    if (qualificationProblem(person, chain, at)) continue;
    floors.push(floor);
    mask |= 1n << BigInt(floor);
  }
  floors.sort((a, b) => a - b);
  return { floors, mask };
}
