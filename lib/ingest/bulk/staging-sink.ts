import type { InputFile } from "@/lib/ingest/read/discover-files";
import type { AccountRecord, SessionRecord } from "@/lib/ingest/records";
import type { AcceptedRow, BatchRejection, BatchSink } from "@/lib/ingest/run/batch-sink";
import { sessionAttributeProperties, unknownAccountReason } from "@/lib/ingest/write/plan-sessions";
import { AccountIdSet } from "@/lib/ingest/run/account-id-set";
import { ExternalSort } from "./external-sort";
import { accountLine, extraSessionAttributes, ownerLine, sessionLine, type RowPlace } from "./sort-lines";

/** sort's buffer per sort process; two run at once while the input is read. */
const sortMemory = "384M";

/**
 * The bulk path's first phase, as a BatchSink behind the online path's own
 * reader loop (same parsing, validation, rejects and counts): valid rows go to
 * two external sorts instead of the database.
 * - `main`, by account then session: everything one account needs, together;
 * - `owners`, by session: which account each session's first row named.
 * Unknown accounts are rejected here, as the online path does at write time:
 * accounts files come first, so every account of the input is known by then.
 */
export class StagingSink implements BatchSink {
  readonly main: ExternalSort;
  readonly owners: ExternalSort;
  /** Session properties that hold attr_<kind> values, for the Session file's header. */
  readonly extraSessionProperties = new Set<string>();
  /** The input's valid account ids: ~63 MB for the seed preset's million. */
  private readonly knownAccounts = new AccountIdSet();
  private readonly fileIndexes: Map<string, number>;

  constructor(files: readonly InputFile[], tempDir: string) {
    this.fileIndexes = new Map(files.map((file, index) => [file.path, index]));
    this.main = new ExternalSort({ keyFields: 2, tempDir, memory: sortMemory });
    this.owners = new ExternalSort({ keyFields: 1, tempDir, memory: sortMemory });
  }

  async writeAccounts(rows: Array<AcceptedRow<AccountRecord>>): Promise<Array<BatchRejection<AccountRecord>>> {
    for (const row of rows) {
      this.knownAccounts.add(row.record.accountId);
      await this.main.write(accountLine(this.placeOf(row), row.record));
    }
    return [];
  }

  async writeSessions(rows: Array<AcceptedRow<SessionRecord>>): Promise<Array<BatchRejection<SessionRecord>>> {
    const rejected: Array<BatchRejection<SessionRecord>> = [];
    for (const row of rows) {
      const { record } = row;
      if (!this.knownAccounts.has(record.accountId)) {
        rejected.push({ row, reason: unknownAccountReason(record.accountId) });
        continue;
      }
      this.noteExtraProperties(record);
      const place = this.placeOf(row);
      await this.main.write(sessionLine(place, record));
      await this.owners.write(ownerLine(place, record));
    }
    return rejected;
  }

  /** Stops both sorts (a failed run). */
  abort(): void {
    this.main.abort();
    this.owners.abort();
  }

  private placeOf(row: AcceptedRow<unknown>): RowPlace {
    const fileIndex = this.fileIndexes.get(row.file);
    if (fileIndex === undefined) throw new Error(`row from an unlisted file ${row.file}`);
    return { fileIndex, line: row.line };
  }

  private noteExtraProperties(record: SessionRecord): void {
    // Most rows have no attr_ values: skip building their properties.
    if (extraSessionAttributes(record).length === 0) return;
    for (const property of Object.keys(sessionAttributeProperties(record))) {
      if (property.startsWith("attr_")) this.extraSessionProperties.add(property);
    }
  }
}
