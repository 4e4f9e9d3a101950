/** Bins for the time bar: equal-width buckets over the span of the given instants, counted per series. */

export interface TimePoint {
  /** ISO instant (or day). */
  time: string;
  series: "signups" | "sessions";
  /** How many events the point stands for (a day's sessions); 1 when absent. */
  count?: number;
}

export interface Histogram {
  start: number;
  end: number;
  /** Per bucket, oldest first. */
  buckets: { signups: number; sessions: number }[];
}

export function buildHistogram(points: readonly TimePoint[], bucketCount: number): Histogram | null {
  const times = points.map((point) => Date.parse(point.time)).filter((time) => Number.isFinite(time));
  if (times.length === 0) return null;
  const start = Math.min(...times);
  // A single instant still gets a day's width, so it draws as a bar, not a line.
  const end = Math.max(Math.max(...times), start + 86_400_000);
  const width = (end - start) / bucketCount;
  const buckets = Array.from({ length: bucketCount }, () => ({ signups: 0, sessions: 0 }));
  for (const point of points) {
    const time = Date.parse(point.time);
    if (!Number.isFinite(time)) continue;
    const bucket = buckets[Math.min(bucketCount - 1, Math.floor((time - start) / width))];
    if (bucket) bucket[point.series] += point.count ?? 1;
  }
  return { start, end, buckets };
}

/** The instant at a fraction (0…1) of the histogram's span. */
export function instantAt(histogram: Histogram, fraction: number): string {
  const clamped = Math.min(1, Math.max(0, fraction));
  return new Date(histogram.start + clamped * (histogram.end - histogram.start)).toISOString();
}

/** Where an instant falls on the histogram, as a fraction of its span (clamped). */
export function fractionOf(histogram: Histogram, time: string): number {
  return Math.min(1, Math.max(0, (Date.parse(time) - histogram.start) / (histogram.end - histogram.start)));
}
