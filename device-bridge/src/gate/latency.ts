export interface LatencySummary {
  /** Decisions recorded since start (the percentiles cover the most recent ones only). */
  count: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

const SAMPLES = 4096;

/** Scan-in to command-out times of recent decisions, in a fixed ring: no growth on a busy site. */
export class LatencyRecorder {
  private readonly samples = new Float64Array(SAMPLES);
  private count = 0;

  record(ms: number): void {
    this.samples[this.count % SAMPLES] = ms;
    this.count++;
  }

  summary(): LatencySummary {
    const recent = this.samples.slice(0, Math.min(this.count, SAMPLES)).sort();
    const at = (p: number) => (recent.length === 0 ? 0 : recent[Math.ceil((p / 100) * recent.length) - 1]);
    return { count: this.count, p50Ms: at(50), p99Ms: at(99), maxMs: at(100) };
  }
}
