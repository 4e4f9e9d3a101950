import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { once } from "node:events";
import path from "node:path";
import { discoverFiles } from "@/lib/ingest/read/discover-files";
import { readRows } from "@/lib/ingest/read/read-rows";

/**
 * A sample input: the first `sessions` valid session rows (in load order) and
 * the accounts they belong to, as JSON Lines. Both loaders of the comparison
 * read the same sample into an empty database.
 */
export async function writeSampleInput(options: { from: string; to: string; sessions: number }): Promise<{ accounts: number; sessions: number }> {
  const { files } = await discoverFiles(options.from);
  await mkdir(options.to, { recursive: true });
  const accountIds = new Set<string>();
  const sessionsOut = createWriteStream(path.join(options.to, "sessions.jsonl"));
  let sessions = 0;
  for (const file of files.filter((candidate) => candidate.entity === "sessions")) {
    for await (const row of readRows(file)) {
      if (sessions >= options.sessions) break;
      if (!row.ok || !("sessionId" in row.record)) continue;
      accountIds.add(row.record.accountId);
      if (!sessionsOut.write(`${row.raw}\n`)) await once(sessionsOut, "drain");
      sessions += 1;
    }
  }
  await new Promise((resolve) => sessionsOut.end(resolve));
  const accountsOut = createWriteStream(path.join(options.to, "accounts.jsonl"));
  let accounts = 0;
  for (const file of files.filter((candidate) => candidate.entity === "accounts")) {
    for await (const row of readRows(file)) {
      if (!row.ok || !accountIds.has(row.record.accountId) || !("createdAt" in row.record)) continue;
      const { record } = row;
      const line = JSON.stringify({
        account_id: record.accountId,
        created_at: record.createdAt,
        email: record.email,
        phone: record.phone,
        card_fp: record.cardFp,
        country: record.country,
        status: record.status,
        ...Object.fromEntries(record.attributes.filter((a) => !["email", "email_domain", "phone", "card"].includes(a.kind)).map((a) => [`attr_${a.kind}`, a.value])),
      });
      if (!accountsOut.write(`${line}\n`)) await once(accountsOut, "drain");
      accounts += 1;
    }
  }
  await new Promise((resolve) => accountsOut.end(resolve));
  return { accounts, sessions };
}
