/**
 * Latencies as a sparse histogram, so that generators in several processes
 * can send what they measured (hundreds of thousands of samples) as a few
 * hundred bins and the orchestrator can merge them. Resolution: 0.01 ms
 * below 10 ms, 0.1 ms below 100 ms, 1 ms below 10 s, 10 ms beyond.
 */
export interface HistogramData {
  bins: Array<[number, number]>;
  count: number;
  sum: number;
  max: number;
}

export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function bucket(ms: number): number {
  if (ms < 10) return Math.round(ms * 100) / 100;
  if (ms < 100) return Math.round(ms * 10) / 10;
  if (ms < 10_000) return Math.round(ms);
  return Math.round(ms / 10) * 10;
}

export class Histogram {
  private bins = new Map<number, number>();
  count = 0;
  sum = 0;
  max = 0;

  record(ms: number): void {
    const value = Math.max(0, ms);
    const key = bucket(value);
    this.bins.set(key, (this.bins.get(key) ?? 0) + 1);
    this.count += 1;
    this.sum += value;
    if (value > this.max) this.max = value;
  }

  add(data: HistogramData): this {
    for (const [key, count] of data.bins) this.bins.set(key, (this.bins.get(key) ?? 0) + count);
    this.count += data.count;
    this.sum += data.sum;
    this.max = Math.max(this.max, data.max);
    return this;
  }

  static merge(parts: HistogramData[]): Histogram {
    const merged = new Histogram();
    for (const part of parts) merged.add(part);
    return merged;
  }

  reset(): void {
    this.bins = new Map();
    this.count = 0;
    this.sum = 0;
    this.max = 0;
  }

  /** The smallest recorded value with at least p% of the samples at or below it. */
  percentile(p: number): number {
    if (this.count === 0) return NaN;
    const rank = Math.max(1, Math.ceil((p / 100) * this.count));
    let seen = 0;
    for (const key of [...this.bins.keys()].sort((a, b) => a - b)) {
      seen += this.bins.get(key)!;
      if (seen >= rank) return key;
    }
    return this.max;
  }

  summary(): LatencySummary {
    const r = (v: number) => (Number.isFinite(v) ? Math.round(v * 100) / 100 : v);
    return {
      count: this.count,
      mean: r(this.count ? this.sum / this.count : NaN),
      p50: r(this.percentile(50)),
      p95: r(this.percentile(95)),
      p99: r(this.percentile(99)),
      max: r(this.count ? this.max : NaN),
    };
  }

  toJSON(): HistogramData {
    return { bins: [...this.bins.entries()], count: this.count, sum: this.sum, max: this.max };
  }
}
