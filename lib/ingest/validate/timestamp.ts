import { Invalid, quote } from "./invalid";

/** A validated instant, as text for the record and as numbers for ordering. */
export interface Timestamp {
  /**
   * Canonical text `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±hh:mm)`. The offset is
   * kept as given (records.ts: the writer turns it into a Neo4j datetime), only
   * its spelling is unified: `+0200`/`+02` → `+02:00`, a zero offset other than
   * `Z` → `+00:00`, missing seconds → `:00`, `,` before the fraction → `.`,
   * lower-case `t`/`z` → upper-case. The fraction (up to 9 digits) is kept.
   */
  text: string;
  /** Seconds since 1970-01-01T00:00:00Z. */
  epochSeconds: number;
  /** Nanoseconds within that second. */
  nanos: number;
}

const dateOnlyShape = /^\d{4}-\d{2}-\d{2}$/;
const withoutZoneShape = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?$/;
const maxOffsetMinutes = 18 * 60;

/**
 * Accepts ISO-8601 extended date-times: `YYYY-MM-DDTHH:MM[:SS[.fraction]]`
 * then `Z` or `±hh:mm` (also `±hhmm`, `±hh`). Parsed by hand, not by regex:
 * this runs twice per session row on 16M-row inputs.
 */
export function parseTimestamp(text: string): Timestamp | Invalid {
  const parts = scanDateTime(text);
  if (parts === undefined) return new Invalid(describeUnparsable(text));
  if (!isRealDate(parts.year, parts.month, parts.day)) return new Invalid(`not a real date ${quote(text)}`);
  if (parts.hour > 23 || parts.minute > 59 || parts.second > 59) return new Invalid(`not a real time ${quote(text)}`);
  if (parts.offsetMinutes === undefined) return new Invalid(`zone offset out of range ${quote(text)}`);
  const days = daysFromCivil(parts.year, parts.month, parts.day);
  const localSeconds = days * 86_400 + parts.hour * 3600 + parts.minute * 60 + parts.second;
  return {
    text: parts.isCanonical ? text : canonicalText(text, parts),
    epochSeconds: localSeconds - parts.offsetMinutes * 60,
    nanos: parts.fractionEnd === parts.fractionStart ? 0 : fractionNanos(text, parts.fractionStart, parts.fractionEnd),
  };
}

interface DateTimeParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** The fraction's digits are `text.slice(fractionStart, fractionEnd)` (empty when none). */
  fractionStart: number;
  fractionEnd: number;
  /** Index where the zone starts. */
  zoneStart: number;
  /** `undefined` when out of range (beyond ±18:00, minutes over 59). */
  offsetMinutes: number | undefined;
  /** Already in the canonical spelling, so the input string can be reused as is. */
  isCanonical: boolean;
}

/** The fields of a well-shaped date-time with a zone; `undefined` when the shape is wrong or the zone absent. */
function scanDateTime(text: string): DateTimeParts | undefined {
  if (text.length < 17) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const separator = text[10];
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0) return undefined;
  const isDateTimeSeparator = separator === "T" || separator === "t";
  if (text[4] !== "-" || text[7] !== "-" || !isDateTimeSeparator || text[13] !== ":") return undefined;
  let position = 16;
  let second = 0;
  const hasSeconds = text[position] === ":";
  if (hasSeconds) {
    second = digits(text, position + 1, 2);
    if (second < 0) return undefined;
    position += 3;
  }
  let fractionStart = position;
  let fractionEnd = position;
  const fractionMark = text[position];
  if (hasSeconds && (fractionMark === "." || fractionMark === ",")) {
    fractionStart = position + 1;
    fractionEnd = fractionStart;
    while (isDigit(text.charCodeAt(fractionEnd))) fractionEnd++;
    if (fractionEnd === fractionStart || fractionEnd - fractionStart > 9) return undefined;
    position = fractionEnd;
  }
  const zone = scanZone(text, position);
  if (zone === undefined) return undefined;
  const isCanonical = separator === "T" && hasSeconds && fractionMark !== "," && zone.isCanonical;
  const { offsetMinutes } = zone;
  const zoneStart = position;
  return { year, month, day, hour, minute, second, fractionStart, fractionEnd, zoneStart, offsetMinutes, isCanonical };
}

interface ZoneParts {
  offsetMinutes: number | undefined;
  isCanonical: boolean;
}

function scanZone(text: string, start: number): ZoneParts | undefined {
  const sign = text[start];
  const length = text.length - start;
  if (sign === "Z" || sign === "z") return length === 1 ? { offsetMinutes: 0, isCanonical: sign === "Z" } : undefined;
  if (sign !== "+" && sign !== "-") return undefined;
  const hours = digits(text, start + 1, 2);
  const hasColon = text[start + 3] === ":";
  const minutes = length === 3 ? 0 : digits(text, start + (hasColon ? 4 : 3), 2);
  const expectedLength = length === 3 ? 3 : hasColon ? 6 : 5;
  if (hours < 0 || minutes < 0 || length !== expectedLength) return undefined;
  const total = hours * 60 + minutes;
  const offsetMinutes = minutes > 59 || total > maxOffsetMinutes ? undefined : sign === "-" ? -total : total;
  // `-00:00` is spelled `+00:00`: same instant, one spelling.
  return { offsetMinutes, isCanonical: hasColon && !(sign === "-" && total === 0) };
}

function canonicalText(text: string, parts: DateTimeParts): string {
  const seconds = pad2(parts.second);
  const { fractionStart, fractionEnd, zoneStart } = parts;
  const fraction = fractionEnd === fractionStart ? "" : `.${text.slice(fractionStart, fractionEnd)}`;
  const zone = text[zoneStart] === "Z" || text[zoneStart] === "z" ? "Z" : formatOffset(parts.offsetMinutes ?? 0);
  return `${text.slice(0, 10)}T${text.slice(11, 16)}:${seconds}${fraction}${zone}`;
}

/** The fraction's digits as nanoseconds: `.5` → 500000000. */
function fractionNanos(text: string, start: number, end: number): number {
  let nanos = 0;
  for (let i = start; i < start + 9; i++) nanos = nanos * 10 + (i < end ? text.charCodeAt(i) - 48 : 0);
  return nanos;
}

/** The value of `count` ASCII digits at `start`, or -1 if any is not a digit. */
function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const code = text.charCodeAt(i);
    if (!isDigit(code)) return -1;
    value = value * 10 + (code - 48);
  }
  return value;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Negative when `a` is earlier than `b`. */
export function compareTimestamps(a: Timestamp, b: Timestamp): number {
  return a.epochSeconds - b.epochSeconds || a.nanos - b.nanos;
}

function describeUnparsable(text: string): string {
  if (withoutZoneShape.test(text)) return `timestamp without a zone ${quote(text)}`;
  if (dateOnlyShape.test(text)) return `timestamp without a time ${quote(text)}`;
  return `unparsable timestamp ${quote(text)} (expected ISO-8601 such as 2026-02-23T09:15:00Z)`;
}

function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? "-" : "+";
  const absolute = Math.abs(offsetMinutes);
  return `${sign}${pad2(Math.floor(absolute / 60))}:${pad2(absolute % 60)}`;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

function isRealDate(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant); avoids Date's two-digit-year quirks. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}
