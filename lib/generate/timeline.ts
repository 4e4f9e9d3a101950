/**
 * The scenario's year and how instants are printed and placed in a day.
 * The timeline is fixed (never the wall clock) so output is reproducible.
 */
import { cumulativeWeights, type Rng } from "./prng";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const TIMELINE_START = Date.UTC(2025, 2, 1);
export const TIMELINE_END = Date.UTC(2026, 2, 1);

/** How a timestamp is printed. All styles carry a zone, as the contract requires. */
export const TimeStyle = { utc: 0, utcMillis: 1, plus2: 2, plus2Millis: 3 } as const;
export type TimeStyle = (typeof TimeStyle)[keyof typeof TimeStyle];

/** Drops what a style cannot show, so printed start ≤ printed end still holds. */
export function truncateForStyle(ms: number, style: TimeStyle): number {
  const whole = Math.floor(ms);
  return style === TimeStyle.utc || style === TimeStyle.plus2 ? whole - (whole % 1000) : whole;
}

const twoDigits = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, "0"));
const threeDigits = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, "0"));
const dayPrefixes = new Map<number, string>();

/** "YYYY-MM-DDT" of a day number since the epoch, cached: formatting is on the hot path. */
function dayPrefix(day: number): string {
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  return prefix;
}

export function formatTimestamp(ms: number, style: TimeStyle): string {
  const isPlus2 = style === TimeStyle.plus2 || style === TimeStyle.plus2Millis;
  const shifted = Math.floor(isPlus2 ? ms + 2 * HOUR : ms);
  const day = Math.floor(shifted / DAY);
  let rest = shifted - day * DAY;
  const hours = Math.floor(rest / HOUR);
  rest -= hours * HOUR;
  const minutes = Math.floor(rest / MINUTE);
  rest -= minutes * MINUTE;
  const seconds = Math.floor(rest / 1000);
  let text = `${dayPrefix(day)}${twoDigits[hours] ?? ""}:${twoDigits[minutes] ?? ""}:${twoDigits[seconds] ?? ""}`;
  if (style === TimeStyle.utcMillis || style === TimeStyle.plus2Millis) text += `.${threeDigits[rest - seconds * 1000] ?? ""}`;
  return isPlus2 ? `${text}+02:00` : `${text}Z`;
}

/** Month boundaries of the timeline; session files are split by month. */
const monthStarts: readonly number[] = Array.from({ length: 13 }, (_, m) => Date.UTC(2025, 2 + m, 1));

export function monthLabel(month: number): string {
  const d = new Date(Date.UTC(2025, 2 + month, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

export function monthOf(ms: number): number {
  let m = 0;
  while (m < 11 && ms >= (monthStarts[m + 1] ?? Infinity)) m++;
  return m;
}

/** Hour-of-day weights in local time. */
export const Diurnal = {
  /** Personal use: quiet nights, a midday bump, an evening peak. */
  personal: cumulativeWeights([2, 1, 0.6, 0.4, 0.4, 0.7, 1.5, 3, 4.5, 5.5, 6, 6, 6, 6, 5.5, 5.5, 5.5, 6, 6.5, 7.5, 8, 7.5, 6, 4]),
  /** Office hours. */
  work: cumulativeWeights([0, 0, 0, 0, 0, 0, 0.2, 1.5, 6, 9, 9, 8, 5, 7, 9, 9, 8, 5, 1.5, 0.5, 0.2, 0, 0, 0]),
  /** Machines do not sleep. */
  flat: cumulativeWeights(Array.from({ length: 24 }, () => 1)),
};

/**
 * An instant on the local day containing `around`, at an hour drawn from
 * `profile`. With `weekdaysOnly`, Saturdays and Sundays move to Friday/Monday.
 */
export function placeInDay(rng: Rng, around: number, utcOffsetMs: number, profile: Float64Array, weekdaysOnly = false): number {
  let localDay = Math.floor((around + utcOffsetMs) / DAY);
  if (weekdaysOnly) {
    const weekday = (localDay + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
    if (weekday === 6) localDay -= 1;
    else if (weekday === 0) localDay += 1;
  }
  const hour = rng.weighted(profile);
  return localDay * DAY - utcOffsetMs + hour * HOUR + rng.float() * HOUR;
}

/** Keeps an instant inside [lo, hi). */
export function clampTime(ms: number, lo: number, hi: number): number {
  return Math.min(Math.max(ms, lo), hi - 1);
}
