import type { AttributeValue, BuiltInKind } from "@/lib/ingest/records";
import type { FieldReader } from "./field-reader";
import type { Invalid } from "./invalid";
import { attributeKindShape, builtInNormalisers, keepAsGiven } from "./normalise";
import type { RawFields } from "./row-types";

const attrPrefix = "attr_";

/** The shared attributes of one row, without duplicates (an `attr_email` equal to `email` is one value). */
export class AttributeList {
  readonly values: AttributeValue[] = [];

  add(kind: string, value: string | undefined): void {
    if (value === undefined) return;
    // Rows carry a handful of attributes: a linear scan beats building a Set.
    if (this.values.some((existing) => existing.kind === kind && existing.value === value)) return;
    this.values.push({ kind, value });
  }
}

/**
 * Adds every `attr_<kind>` field of the row. A built-in kind (`attr_ip`,
 * `attr_email`, …) is normalised exactly like its own column, so the same
 * address is one node whichever column it came in; `attr_email` adds to
 * `email` only (no `email_domain`: the contract derives that from `email`).
 * Other kinds are trimmed only. A column whose kind breaks the naming rule
 * (`attr_Wallet`) rejects rows that give it a value rather than dropping data.
 */
export function readExtraAttributes(fields: RawFields, reader: FieldReader, attributes: AttributeList): void {
  for (const column in fields) {
    if (!column.startsWith(attrPrefix)) continue;
    const kind = column.slice(attrPrefix.length);
    const value = reader.optionalIdValue(column, normaliserFor(kind));
    if (value === undefined) continue;
    if (attributeKindShape.test(kind)) attributes.add(kind, value);
    else reader.addProblem(`invalid attribute column ${column}: the kind must be lower-case letters, digits and _`);
  }
}

function normaliserFor(kind: string): (text: string) => string | Invalid {
  // hasOwn, not `in`: `attr_constructor` must not find Object.prototype.constructor.
  return Object.hasOwn(builtInNormalisers, kind) ? builtInNormalisers[kind as BuiltInKind] : keepAsGiven;
}
