import { z } from "zod";
import type { AccountRecord, BuiltInKind, SessionRecord } from "@/lib/ingest/records";
import { Invalid, quote } from "./invalid";
import { normaliseIp } from "./ip";

/*
 * Value normalisers of the input contract. Each takes text already trimmed by
 * the field reader and returns the canonical value or an `Invalid` whose reason
 * names the value (the caller adds the column).
 */

export { Invalid } from "./invalid";
export { normaliseIp } from "./ip";
export { parseTimestamp, compareTimestamps, type Timestamp } from "./timestamp";

// Any character that cannot appear unquoted in an address or a domain label.
const addressSeparators = String.raw`\s@,;:()<>\[\]"\\`;
const domainShape = new RegExp(String.raw`^[^${addressSeparators}.]+(?:\.[^${addressSeparators}.]+)+$`, "u");
// A local part may hold `@` only inside quotes (RFC 5321), hence "split at the last @".
const localPartShape = /^(?:[^\s@"]+|"[^"]+")$/u;

/** Trimmed and lower-cased; `local@domain` with a dotted domain, split at the last `@`. */
export function normaliseEmail(text: string): string | Invalid {
  const email = text.toLowerCase();
  const at = email.lastIndexOf("@");
  const isWellFormed = at > 0 && localPartShape.test(email.slice(0, at)) && domainShape.test(email.slice(at + 1));
  return isWellFormed ? email : new Invalid(`malformed email ${quote(text)}`);
}

/** The `email_domain` attribute of an already normalised email. */
export function emailDomainOf(normalisedEmail: string): string {
  return normalisedEmail.slice(normalisedEmail.lastIndexOf("@") + 1);
}

/** For `attr_email_domain`: the same shape an email's domain must have. */
export function normaliseEmailDomain(text: string): string | Invalid {
  const domain = text.toLowerCase();
  return domainShape.test(domain) ? domain : new Invalid(`malformed email domain ${quote(text)}`);
}

const phoneDecoration = /[\s\-.()[\]]/g;
const e164Shape = /^\+[1-9]\d{7,14}$/;

/** Spaces, dashes, dots and brackets removed; the rest must be E.164 (`+`, 8–15 digits, no leading 0). */
export function normalisePhone(text: string): string | Invalid {
  const phone = text.replace(phoneDecoration, "");
  if (e164Shape.test(phone)) return phone;
  return new Invalid(`malformed phone ${quote(text)} (expected E.164 such as +14155550100)`);
}

const countryShape = /^[A-Za-z]{2}$/;

/** ISO 3166-1 alpha-2, upper-cased. Only the shape is checked, not the code list. */
export function normaliseCountry(text: string): string | Invalid {
  if (countryShape.test(text)) return text.toUpperCase();
  return new Invalid(`not an ISO 3166-1 alpha-2 country code ${quote(text)}`);
}

/** Card, device and prompt fingerprints are opaque: kept as given (after the reader's trim). */
export function keepAsGiven(text: string): string {
  return text;
}

type AccountStatus = NonNullable<AccountRecord["status"]>;
type IpClass = NonNullable<SessionRecord["ipClass"]>;

// Keyed by the record types, so adding a value to records.ts without adding it here fails to compile.
export const accountStatusSchema = z.enum({
  active: "active",
  suspended: "suspended",
  banned: "banned",
} as const satisfies { [K in AccountStatus]: K });

export const ipClassSchema = z.enum({
  residential: "residential",
  mobile: "mobile",
  business: "business",
  datacenter: "datacenter",
  vpn: "vpn",
  proxy: "proxy",
  tor: "tor",
} as const satisfies { [K in IpClass]: K });

/** Enum values match case-insensitively (`Banned` → `banned`); anything else is rejected. */
export function normaliseEnum<T extends string>(schema: z.ZodEnum<{ [K in T]: K }>, text: string): T | Invalid {
  const parsed = schema.safeParse(text.toLowerCase());
  if (parsed.success) return parsed.data;
  return new Invalid(`unknown value ${quote(text)} (expected ${listWithOr(schema.options)})`);
}

function listWithOr(values: string[]): string {
  return values.length <= 1 ? values.join("") : `${values.slice(0, -1).join(", ")} or ${values.at(-1)}`;
}

/** How a value of each built-in kind is normalised, also when it arrives through `attr_<kind>`. */
export const builtInNormalisers: Record<BuiltInKind, (text: string) => string | Invalid> = {
  email: normaliseEmail,
  email_domain: normaliseEmailDomain,
  phone: normalisePhone,
  card: keepAsGiven,
  ip: normaliseIp,
  device: keepAsGiven,
  prompt: keepAsGiven,
};

export const attributeKindShape = /^[a-z0-9_]+$/;
