import { Neo4jError } from "neo4j-driver";
import { AppError } from "@/lib/errors/app-error";

/**
 * Translates a driver error into the application's error type, by the
 * server's status code (never by message text, which changes between versions).
 */
export function classifyDriverError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (!(error instanceof Neo4jError)) {
    return new AppError("INTERNAL", "Unexpected error while talking to the database.", { cause: error });
  }
  const code = error.code ?? "";
  if (code === "ServiceUnavailable" || code === "SessionExpired") {
    return new AppError("DATABASE_UNAVAILABLE", "The graph database cannot be reached. Is it running? (npm run db:start)", {
      cause: error,
    });
  }
  if (code.startsWith("Neo.ClientError.Security.")) {
    return new AppError("DATABASE_AUTH", "The graph database refused the credentials Ringscope was configured with.", {
      cause: error,
    });
  }
  if (code === "Neo.ClientError.Transaction.TransactionTimedOut" || code === "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration") {
    return new AppError("QUERY_TIMEOUT", "The query took too long and was stopped. Narrow it and try again.", { cause: error });
  }
  if (code === "Neo.ClientError.Procedure.ProcedureNotFound") {
    return new AppError("FEATURE_UNAVAILABLE", "This feature needs a database plugin (APOC or GDS) that the server does not have.", {
      cause: error,
    });
  }
  if (code === "Neo.ClientError.Schema.ConstraintValidationFailed") {
    return new AppError("CONFLICT", "That change conflicts with data already in the graph.", { cause: error });
  }
  if (code === "Neo.ClientError.Database.DatabaseNotFound") {
    return new AppError("DATABASE_UNAVAILABLE", "The configured database does not exist on the server (check NEO4J_DATABASE).", {
      cause: error,
    });
  }
  return new AppError("INTERNAL", "The database could not run the query.", { cause: error });
}
