import type { InputFile } from "@/lib/ingest/read/discover-files";
import { readRowBatches } from "@/lib/ingest/read/read-rows";
import type { LateRejection } from "@/lib/ingest/run/batch-sink";
import { ownerConflictReason } from "@/lib/ingest/write/plan-sessions";
import { ExternalSort } from "./external-sort";
import { conflictLine, idOfSortKey, parseOwnerLine } from "./sort-lines";

/**
 * A session belongs to the account its first accepted row names; the online
 * path rejects later rows that name another one. The owners sort lists each
 * session's rows in input order, so the first line of a session is its owner.
 *
 * For each (other account, session) this writes one line to `conflicts`,
 * which the main pass merge-joins to skip those rows, and it queues each
 * rejected row in `rejects` (sorted by file and line) for `rejectWithRawText`.
 */
export async function findOwnerConflicts(owners: AsyncIterable<string>, conflicts: ExternalSort, rejects: ExternalSort): Promise<void> {
  let sessionKey: string | undefined;
  let ownerKey = "";
  let conflictAccounts = new Set<string>();
  for await (const line of owners) {
    const row = parseOwnerLine(line);
    if (row.sessionKey !== sessionKey) {
      sessionKey = row.sessionKey;
      ownerKey = row.accountKey;
      conflictAccounts = new Set();
      continue;
    }
    if (row.accountKey === ownerKey) continue;
    if (!conflictAccounts.has(row.accountKey)) {
      conflictAccounts.add(row.accountKey);
      await conflicts.write(conflictLine(row.accountKey, row.sessionKey));
    }
    const reason = ownerConflictReason(idOfSortKey(row.sessionKey), idOfSortKey(ownerKey), idOfSortKey(row.accountKey));
    await rejects.write(`${row.place.fileIndex}\t${row.place.line}\t${JSON.stringify(reason)}`);
  }
}

/**
 * Reports the queued rejects with the row text as read, like every other
 * reject. The text is not carried through the sorts (it would double their
 * volume for rows that are almost never rejected): the few files that have
 * such rows are read again.
 */
export async function rejectWithRawText(
  sortedRejects: AsyncIterable<string>,
  files: readonly InputFile[],
  reject: (rejection: LateRejection) => Promise<void>,
): Promise<void> {
  const pending = sortedRejects[Symbol.asyncIterator]();
  let next = await pending.next();
  while (!next.done) {
    const fileIndex = fileIndexOf(next.value);
    const file = files[fileIndex];
    if (file === undefined) throw new Error(`no input file with index ${fileIndex}`);
    for await (const rows of readRowBatches(file)) {
      for (const row of rows) {
        while (!next.done && isAt(next.value, fileIndex, row.line)) {
          await reject({ file: file.path, line: row.line, raw: row.raw, reason: reasonOf(next.value) });
          next = await pending.next();
        }
      }
      if (next.done || fileIndexOf(next.value) !== fileIndex) break;
    }
    if (!next.done && fileIndexOf(next.value) === fileIndex) throw new Error(`${file.name} changed while it was loaded: a rejected row is gone`);
  }
}

function fileIndexOf(rejectLine: string): number {
  return Number(rejectLine.slice(0, rejectLine.indexOf("\t")));
}

function isAt(rejectLine: string, fileIndex: number, line: number): boolean {
  const [file, lineNumber] = rejectLine.split("\t");
  return Number(file) === fileIndex && Number(lineNumber) === line;
}

function reasonOf(rejectLine: string): string {
  return JSON.parse(rejectLine.slice(rejectLine.indexOf("\t", rejectLine.indexOf("\t") + 1) + 1)) as string;
}
