import type { BuiltInKind } from "@/lib/ingest/records";

/**
 * The extra label each built-in kind's Attribute nodes carry. Cypher cannot
 * take a label as a parameter, so labels reach query text only from this
 * fixed map, never from input; `attr_` kinds get no extra label.
 */
export const labelByBuiltInKind = {
  email: "Email",
  email_domain: "EmailDomain",
  phone: "Phone",
  card: "Card",
  ip: "IP",
  device: "Device",
  prompt: "Prompt",
} as const satisfies Record<BuiltInKind, string>;

export function isBuiltInKind(kind: string): kind is BuiltInKind {
  // hasOwn, not `in`: a kind such as "constructor" must not find Object.prototype.
  return Object.hasOwn(labelByBuiltInKind, kind);
}

/** The Attribute business key. Kinds never contain ':', so "<kind>:<value>" is unambiguous. */
export function attributeKey(kind: string, value: string): string {
  return `${kind}:${value}`;
}

export function kindOfKey(key: string): string {
  return key.slice(0, key.indexOf(":"));
}

export function valueOfKey(key: string): string {
  return key.slice(key.indexOf(":") + 1);
}

/**
 * The session properties that hold attribute values, and their kinds. Any
 * other `attr_<kind>` property holds a value of `<kind>`.
 */
const sessionAttributeColumns = { ip: "ip", device_id: "device", prompt_fp: "prompt" } as const;
const attrPrefix = "attr_";

/** The fixed session properties that hold attribute values (the read query asks for them by name). */
export const sessionAttributeColumnNames: readonly string[] = Object.keys(sessionAttributeColumns);

/** The kind a session property holds, or undefined for a property that is not an attribute. */
export function kindOfSessionProperty(property: string): string | undefined {
  if (Object.hasOwn(sessionAttributeColumns, property)) {
    return sessionAttributeColumns[property as keyof typeof sessionAttributeColumns];
  }
  return property.startsWith(attrPrefix) ? property.slice(attrPrefix.length) : undefined;
}

/** The attribute keys a session carries, read back from its attribute properties. */
export function keysOfSessionProperties(properties: Readonly<Record<string, string>>): string[] {
  const keys: string[] = [];
  for (const [property, value] of Object.entries(properties)) {
    const kind = kindOfSessionProperty(property);
    if (kind !== undefined) keys.push(attributeKey(kind, value));
  }
  return keys;
}

/** The session property name of an extra attribute of `kind` (`attr_payout_wallet`, `attr_ip`). */
export function extraAttributeProperty(kind: string): string {
  return `${attrPrefix}${kind}`;
}

/** The session properties that may hold a value of `kind`: its fixed column, if any, and `attr_<kind>`. */
export function sessionPropertiesOfKind(kind: string): string[] {
  const columns = Object.entries(sessionAttributeColumns)
    .filter(([, columnKind]) => columnKind === kind)
    .map(([column]) => column);
  return [...columns, extraAttributeProperty(kind)];
}
