// Pass ids already used at a site. One instance is shared by every lane the bridge serves, so a code
// shown at lane 1 is refused at lane 2. An id only needs remembering while its pass could still be
// accepted: after that the pass is refused as expired anyway. Memory is therefore bounded by
// (scans per second) × (60 s validity + skew), and a hard cap guards against the unforeseen.

export type MarkResult = 'recorded' | 'replayed' | 'full';

export interface ReplayWindowOptions {
  /** Fail closed beyond this many live ids (≈100 bytes each); a site sees a few per second. */
  maxEntries?: number;
}

const nowSeconds = () => Date.now() / 1000;

export class ReplayWindow {
  readonly maxEntries: number;
  /** jti → second after which it may be forgotten. */
  private readonly until = new Map<string, number>();
  /** second → the ids to forget after it: pruning drops whole seconds, never scans every id. */
  private readonly buckets = new Map<number, string[]>();
  private prunedThrough = Number.NEGATIVE_INFINITY;

  constructor(opts: ReplayWindowOptions = {}) {
    this.maxEntries = opts.maxEntries ?? 200_000;
  }

  get size(): number {
    return this.until.size;
  }

  /** True when `jti` was used and is still remembered. */
  seen(jti: string, now = nowSeconds()): boolean {
    this.prune(now);
    return this.until.has(jti);
  }

  /**
   * Records `jti` as used until `untilSeconds` (epoch seconds: the pass's exp plus the verifier's skew).
   * Check and record are one step, so two lanes scanning the same code at once cannot both pass.
   * Also how the bridge loads ids persisted on disk or reported by another process of the site.
   */
  markUsed(jti: string, untilSeconds: number, now = nowSeconds()): MarkResult {
    this.prune(now);
    if (this.until.has(jti)) return 'replayed';
    if (untilSeconds < now) return 'recorded'; // already unacceptable: nothing to remember
    if (this.until.size >= this.maxEntries) return 'full';
    const second = Math.ceil(untilSeconds);
    this.until.set(jti, second);
    const bucket = this.buckets.get(second);
    if (bucket) bucket.push(jti);
    else this.buckets.set(second, [jti]);
    return 'recorded';
  }

  /** Forgets every id whose time ended before `now`. Cheap when called on every scan. */
  prune(now = nowSeconds()): void {
    const through = Math.floor(now) - 1;
    if (through <= this.prunedThrough) return;
    // Walk second by second when the gap is short (the usual case: a scan a second); after a long
    // idle time, or a clock jump, walk the buckets that exist instead.
    if (through - this.prunedThrough <= this.buckets.size) {
      for (let s = this.prunedThrough + 1; s <= through; s++) this.drop(s);
    } else {
      for (const s of [...this.buckets.keys()]) if (s <= through) this.drop(s);
    }
    this.prunedThrough = through;
  }

  private drop(second: number): void {
    const ids = this.buckets.get(second);
    if (!ids) return;
    this.buckets.delete(second);
    for (const id of ids) this.until.delete(id);
  }
}
