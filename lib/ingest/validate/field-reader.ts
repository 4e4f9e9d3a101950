import type { z } from "zod";
import { Invalid, quote } from "./invalid";
import { normaliseEnum, parseTimestamp, type Timestamp } from "./normalise";
import type { RawFields, SourceFormat } from "./row-types";

/**
 * Reads typed, normalised fields out of one raw row and collects every
 * problem, so a reject lists all that is wrong with the row, not just the first.
 *
 * Shared rules: every text value is trimmed and an empty result means absent,
 * as do a missing key and JSON `null`. Only id-like fields (ids, fingerprints,
 * `attr_` values) accept a JSON number, and only a safe integer, which becomes
 * its decimal string.
 */
export class FieldReader {
  private problems: string[] | undefined;

  constructor(
    private readonly fields: RawFields,
    private readonly format: SourceFormat,
  ) {}

  get hasProblems(): boolean {
    return this.problems !== undefined;
  }

  /** All problems, in column order, as one reject reason. */
  get reason(): string {
    return this.problems?.join("; ") ?? "";
  }

  addProblem(reason: string): void {
    (this.problems ??= []).push(reason);
  }

  requiredId(name: string): string | undefined {
    return this.required(name, () => this.text(name, true));
  }

  /** Ids and fingerprints: a string, or in JSON a safe integer. */
  optionalId(name: string): string | undefined {
    return this.text(name, true);
  }

  /** Free text (a user agent): strings only. */
  optionalText(name: string): string | undefined {
    return this.text(name, false);
  }

  requiredTimestamp(name: string): Timestamp | undefined {
    return this.required(name, () => this.optionalTimestamp(name));
  }

  optionalTimestamp(name: string): Timestamp | undefined {
    return this.optionalValue(name, parseTimestamp);
  }

  /** A text field run through a normaliser; its `Invalid` becomes a problem naming the column. */
  optionalValue<T>(name: string, normalise: (text: string) => T | Invalid): T | undefined {
    const text = this.text(name, false);
    return text === undefined ? undefined : this.check(name, normalise(text));
  }

  /** As `optionalValue`, for id-like text (see `optionalId`). */
  optionalIdValue<T>(name: string, normalise: (text: string) => T | Invalid): T | undefined {
    const text = this.text(name, true);
    return text === undefined ? undefined : this.check(name, normalise(text));
  }

  optionalEnum<T extends string>(name: string, schema: z.ZodEnum<{ [K in T]: K }>): T | undefined {
    const text = this.text(name, false);
    return text === undefined ? undefined : this.check(name, normaliseEnum(schema, text));
  }

  /**
   * A non-negative safe integer. From CSV: digits only (`+5`, `5.0`, `1e3` are
   * rejected). From JSON: a number with an integer value; a digit string is a
   * wrong type, since JSON has numbers.
   */
  optionalCount(name: string): number | undefined {
    const value = this.fields[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value === "number") return this.countFromNumber(name, value);
    if (typeof value === "string" && this.format === "csv") return this.countFromText(name, trimText(value));
    this.addProblem(`wrong type for ${name}: ${describeType(value)}`);
    return undefined;
  }

  private countFromText(name: string, text: string): number | undefined {
    if (text === "") return undefined;
    if (/^\d+$/.test(text)) {
      const value = Number(text);
      if (Number.isSafeInteger(value)) return value;
      this.addProblem(`${name}: too large ${quote(text)}`);
    } else if (/^-\d+$/.test(text)) {
      this.addProblem(`negative ${name} ${text}`);
    } else {
      this.addProblem(`${name}: not a non-negative integer ${quote(text)}`);
    }
    return undefined;
  }

  private countFromNumber(name: string, value: number): number | undefined {
    if (Number.isSafeInteger(value) && value >= 0) return value;
    if (value < 0) this.addProblem(`negative ${name} ${value}`);
    else if (!Number.isInteger(value)) this.addProblem(`${name}: not an integer ${value}`);
    else this.addProblem(`${name}: too large ${value}`);
    return undefined;
  }

  private required<T>(name: string, read: () => T | undefined): T | undefined {
    const problemsBefore = this.problems?.length ?? 0;
    const value = read();
    // A wrong-typed or malformed value already has its own problem; "missing" would be noise.
    if (value === undefined && (this.problems?.length ?? 0) === problemsBefore) {
      this.addProblem(`missing required field ${name}`);
    }
    return value;
  }

  private check<T>(name: string, result: T | Invalid): T | undefined {
    if (!(result instanceof Invalid)) return result;
    this.addProblem(`${name}: ${result.reason}`);
    return undefined;
  }

  private text(name: string, isIdLike: boolean): string | undefined {
    const value = this.fields[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value === "string") {
      const trimmed = trimText(value);
      return trimmed === "" ? undefined : trimmed;
    }
    if (isIdLike && typeof value === "number") {
      if (Number.isSafeInteger(value)) return String(value);
      this.addProblem(`wrong type for ${name}: number ${value} is not a safe integer`);
      return undefined;
    }
    this.addProblem(`wrong type for ${name}: ${describeType(value)}`);
    return undefined;
  }
}

/** `trim()`, skipping the call for the usual value that starts and ends with a printable ASCII character. */
function trimText(value: string): string {
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  const isTrimmed = first > 32 && first < 127 && last > 32 && last < 127;
  return isTrimmed ? value : value.trim();
}

function describeType(value: unknown): string {
  if (Array.isArray(value)) return "array";
  return typeof value;
}
