import { describe, expect, it } from "vitest";
import { toHealthReport } from "./health-report";

const checkedAt = new Date("2026-02-23T09:15:00Z");

describe("toHealthReport", () => {
  it("reports a server that answers, with its plugins", () => {
    const report = toHealthReport(
      {
        status: "up",
        uri: "bolt://127.0.0.1:7687",
        database: "neo4j",
        isExternal: false,
        server: { name: "Neo4j Kernel", version: "5.26.19", edition: "community", apocVersion: "5.26.19", gdsVersion: null },
      },
      checkedAt,
    );
    expect(report).toEqual({
      status: "up",
      database: { uri: "bolt://127.0.0.1:7687", name: "neo4j", isExternal: false, reason: null },
      server: { name: "Neo4j Kernel", version: "5.26.19", edition: "community" },
      plugins: { apoc: "5.26.19", gds: null },
      checkedAt: "2026-02-23T09:15:00.000Z",
    });
  });

  it("reports a server that does not answer, with the reason, in the same shape", () => {
    const report = toHealthReport(
      { status: "down", uri: null, database: null, isExternal: false, reason: "No local database credentials." },
      checkedAt,
    );
    expect(report).toEqual({
      status: "down",
      database: { uri: null, name: null, isExternal: false, reason: "No local database credentials." },
      server: null,
      plugins: { apoc: null, gds: null },
      checkedAt: "2026-02-23T09:15:00.000Z",
    });
  });

  it("never repeats credentials that a URI carries", () => {
    const report = toHealthReport(
      { status: "down", uri: "neo4j://reader:s3cret@graph.internal:7687", database: "neo4j", isExternal: true, reason: "refused" },
      checkedAt,
    );
    expect(report.database.uri).toBe("neo4j://graph.internal:7687");
  });
});
