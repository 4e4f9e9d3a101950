import { classifyDriverError } from "./classify-error";
import { getDriver } from "./driver";
import type { QueryParams } from "./query";
import { recordToPlain, type Plain } from "./to-plain";

/** What a unit of work sees: run statements inside one transaction, rows as plain data. */
export interface TransactionRunner {
  run<Row extends Record<string, Plain>>(cypher: string, params?: QueryParams): Promise<Row[]>;
}

/**
 * Runs `work` in one write transaction that commits only if every statement
 * succeeds (so a batch is all-or-nothing, even when the process is killed).
 * The driver retries transient failures (deadlocks, leader switches), so
 * `work` must be safe to run again: read what it needs inside the transaction.
 */
export async function withWriteTransaction<T>(work: (tx: TransactionRunner) => Promise<T>, options: { timeoutMs: number }): Promise<T> {
  const { driver, settings } = getDriver();
  const session = driver.session({ database: settings.database, defaultAccessMode: "WRITE" });
  try {
    return await session.executeWrite(
      (tx) =>
        work({
          run: async <Row extends Record<string, Plain>>(cypher: string, params: QueryParams = {}) => {
            const result = await tx.run(cypher, params);
            return result.records.map((record) => recordToPlain(record) as Row);
          },
        }),
      { timeout: options.timeoutMs },
    );
  } catch (error) {
    throw classifyDriverError(error);
  } finally {
    await session.close();
  }
}
