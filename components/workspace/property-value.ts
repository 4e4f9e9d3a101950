import type { Plain } from "@/lib/neo4j/to-plain";

/** A stored instant as the driver writes it: nine fraction digits and the zone it was loaded with. */
const instant = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A node property in a line of the details panel: instants to the second
 * ("2025-11-02 12:55:27 UTC" for "2025-11-02T12:55:27.983000000Z"), other
 * strings as they are, anything else as JSON. The panel keeps the stored
 * text in the line's tooltip.
 */
export function formatPropertyValue(value: Plain): string {
  if (typeof value !== "string") return JSON.stringify(value);
  const match = instant.exec(value);
  if (!match) return value;
  const [, day, time, zone] = match;
  return `${day} ${time} ${zone === "Z" ? "UTC" : zone}`;
}
