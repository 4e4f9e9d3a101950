/**
 * Ordering of the validated ISO-8601 instants records carry
 * (`YYYY-MM-DDTHH:MM:SS[.fraction](Z|±hh:mm)`, up to 9 fraction digits).
 * Offsets differ between rows, so text order is not time order. A row's time
 * is parsed once and compared as numbers after that.
 */
export interface Instant {
  text: string;
  epochMs: number;
  /** Nanoseconds below the millisecond, so sub-millisecond inputs still order. */
  subMsNanos: number;
}

const fractionShape = /\.(\d{1,9})(?=Z$|[+-]\d{2}:\d{2}$)/;

export function parseInstant(text: string): Instant {
  const fraction = fractionShape.exec(text)?.[1] ?? "";
  const nanos = fraction === "" ? 0 : Number(fraction.padEnd(9, "0"));
  const withoutFraction = fraction === "" ? text : text.replace(fractionShape, "");
  const epochMs = Date.parse(withoutFraction) + Math.floor(nanos / 1_000_000);
  if (Number.isNaN(epochMs)) throw new Error(`not a validated instant: ${text}`);
  return { text, epochMs, subMsNanos: nanos % 1_000_000 };
}

/** Negative when `a` is earlier than `b`, zero for the same instant (whatever the offsets). */
export function compareInstants(a: Instant, b: Instant): number {
  return a.epochMs - b.epochMs || a.subMsNanos - b.subMsNanos;
}

/** The earlier of two instants; on a tie, the first (so the result does not depend on offsets alone). */
export function earlierOf(a: Instant, b: Instant): Instant {
  return compareInstants(b, a) < 0 ? b : a;
}

export function laterOf(a: Instant, b: Instant): Instant {
  return compareInstants(b, a) > 0 ? b : a;
}
