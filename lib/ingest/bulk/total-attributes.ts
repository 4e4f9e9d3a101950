import { earlierOf, laterOf, parseInstant } from "@/lib/ingest/write/instants";
import type { AttributeTotals, ImportTables } from "./import-tables";
import { idOfSortKey, parseAttributeLinkLine } from "./sort-lines";

/**
 * Attribute nodes from the USES links sorted by attribute key: account_count
 * is the number of links (one per account, as the online path counts links
 * created), the span the widest of theirs. Returns the number of attributes.
 */
export async function totalAttributes(sortedLinks: AsyncIterable<string>, tables: ImportTables): Promise<number> {
  let current: { attributeKey: string; totals: AttributeTotals } | undefined;
  let count = 0;
  for await (const line of sortedLinks) {
    const link = parseAttributeLinkLine(line);
    if (link.attributeKey === current?.attributeKey) {
      widen(current.totals, link);
      continue;
    }
    if (current) await tables.writeAttribute(current.totals);
    count += 1;
    const key = idOfSortKey(link.attributeKey);
    current = { attributeKey: link.attributeKey, totals: { key, kind: link.kind, value: link.value, accountCount: 1, first: link.first, last: link.last } };
  }
  if (current) await tables.writeAttribute(current.totals);
  return count;
}

/** Instants are compared as times, not text: offsets differ between rows. */
function widen(totals: AttributeTotals, link: { first: string; last: string }): void {
  totals.accountCount += 1;
  totals.first = earlierOf(parseInstant(totals.first), parseInstant(link.first)).text;
  totals.last = laterOf(parseInstant(totals.last), parseInstant(link.last)).text;
}
