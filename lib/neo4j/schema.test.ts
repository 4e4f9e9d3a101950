import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { schemaFile, splitStatements } from "./schema";

describe("splitStatements", () => {
  it("splits on semicolons at line ends and drops comment lines", () => {
    const script = "// header\nCREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x);\n\n// note\nCREATE CONSTRAINT b IF NOT EXISTS\n  FOR (n:B) REQUIRE n.y IS UNIQUE;\n";
    expect(splitStatements(script)).toEqual([
      "CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x)",
      "CREATE CONSTRAINT b IF NOT EXISTS\n  FOR (n:B) REQUIRE n.y IS UNIQUE",
    ]);
  });

  it("finds only idempotent statements in the project's schema", () => {
    const statements = splitStatements(fs.readFileSync(schemaFile, "utf8"));
    expect(statements.length).toBeGreaterThan(5);
    for (const statement of statements) expect(statement).toMatch(/^CREATE .* IF NOT EXISTS |^DROP .* IF EXISTS$/s);
  });
});
