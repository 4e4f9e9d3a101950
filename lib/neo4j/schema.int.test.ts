import { afterAll, describe, expect, it } from "vitest";
import { applySchema, closeDriver, readQuery, writeQuery } from "@/lib/neo4j";

afterAll(closeDriver);

describe("applySchema", () => {
  it("creates the business-key constraints and can run again without change", async () => {
    const first = await applySchema();
    const second = await applySchema();
    expect(second.statements).toBe(first.statements);
    const constraints = await readQuery<{ name: string }>("SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name");
    expect(constraints.map((row) => row.name)).toEqual(
      expect.arrayContaining(["account_id", "attribute_key", "session_id", "ingest_run_id"]),
    );
    const [offline] = await readQuery<{ count: number }>("SHOW INDEXES YIELD state WHERE state <> 'ONLINE' RETURN count(*) AS count");
    expect(offline?.count).toBe(0);
  });

  it("drops an index that an earlier version created and no query uses", async () => {
    await writeQuery("CREATE INDEX session_account_id IF NOT EXISTS FOR (s:Session) ON (s.account_id)");
    await applySchema();
    const indexes = await readQuery<{ name: string }>("SHOW INDEXES YIELD name RETURN name");
    expect(indexes.map((row) => row.name)).not.toContain("session_account_id");
    expect(indexes.map((row) => row.name)).toContain("account_email");
  });
});
