// The only module the rest of the code imports to reach Neo4j.
export { withWriteTransaction, type TransactionRunner } from "./transaction";
export { readQueriesSideBySide, readQuery, readQueryInSlices, writeQuery, type QueryOptions, type QueryParams, type WriteSummary } from "./query";
export { toPlain, type Plain } from "./to-plain";
export { classifyDriverError } from "./classify-error";
export { closeDriver } from "./driver";
export { resolveConnection, credentialsFile, localDatabase, type ConnectionSettings } from "./connection";
export { checkDatabaseHealth, pageHealthReuseMs, readServerInfo, type DatabaseHealth, type HealthCheckOptions, type ServerInfo } from "./capabilities";
export { applySchema } from "./schema";
