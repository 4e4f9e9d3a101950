import { Neo4jError } from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { classifyDriverError } from "./classify-error";

function driverError(code: string): Neo4jError {
  return new Neo4jError("server text that may change between versions", code, "50N42", "");
}

describe("classifyDriverError", () => {
  it.each([
    ["ServiceUnavailable", "DATABASE_UNAVAILABLE", 503],
    ["Neo.ClientError.Security.Unauthorized", "DATABASE_AUTH", 503],
    ["Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration", "QUERY_TIMEOUT", 504],
    ["Neo.ClientError.Procedure.ProcedureNotFound", "FEATURE_UNAVAILABLE", 501],
    ["Neo.ClientError.Schema.ConstraintValidationFailed", "CONFLICT", 409],
    ["Neo.ClientError.Statement.SyntaxError", "INTERNAL", 500],
  ])("classifies %s by its code", (code, expectedCode, status) => {
    const error = classifyDriverError(driverError(code));
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe(expectedCode);
    expect(error.status).toBe(status);
    expect(error.message).not.toContain("server text");
  });

  it("passes application errors through and wraps anything else as internal", () => {
    const original = new AppError("NOT_FOUND", "No account a1.");
    expect(classifyDriverError(original)).toBe(original);
    expect(classifyDriverError(new TypeError("boom")).code).toBe("INTERNAL");
  });
});
