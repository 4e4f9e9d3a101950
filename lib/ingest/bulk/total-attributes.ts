import { earlierOf, laterOf, parseInstant, type Instant } from "@/lib/ingest/write/instants";
import { kindOfKey, valueOfKey } from "@/lib/ingest/write/attribute-kinds";
import type { ImportTables } from "./import-tables";
import { idOfSortKey, parseAttributeLinkLine } from "./sort-lines";

/**
 * Attribute nodes from the USES links sorted by attribute key: account_count
 * is the number of links (one per account, as the online path counts links
 * created), the span the widest of theirs. Returns the number of attributes.
 */
export async function totalAttributes(sortedLinks: AsyncIterable<string>, tables: ImportTables): Promise<number> {
  let current: RunningTotals | undefined;
  let count = 0;
  for await (const line of sortedLinks) {
    const link = parseAttributeLinkLine(line);
    if (link.attributeKey === current?.attributeKey) {
      widen(current, link);
      continue;
    }
    if (current) await writeTotals(current, tables);
    count += 1;
    current = { attributeKey: link.attributeKey, accountCount: 1, first: parseInstant(link.first), last: parseInstant(link.last) };
  }
  if (current) await writeTotals(current, tables);
  return count;
}

/** One attribute's links so far; its span kept parsed, so each further link parses only its own times. */
interface RunningTotals {
  attributeKey: string;
  accountCount: number;
  first: Instant;
  last: Instant;
}

/** Instants are compared as times, not text: offsets differ between rows. */
function widen(totals: RunningTotals, link: { first: string; last: string }): void {
  totals.accountCount += 1;
  totals.first = earlierOf(totals.first, parseInstant(link.first));
  totals.last = laterOf(totals.last, parseInstant(link.last));
}

function writeTotals(totals: RunningTotals, tables: ImportTables): Promise<void> {
  const key = idOfSortKey(totals.attributeKey);
  const { accountCount, first, last } = totals;
  return tables.writeAttribute({ key, kind: kindOfKey(key), value: valueOfKey(key), accountCount, first: first.text, last: last.text });
}
