import { afterAll, describe, expect, it } from "vitest";
import { closeDriver, readQueriesSideBySide, readQuery, readQueryInSlices, resolveConnection } from "@/lib/neo4j";

afterAll(closeDriver);

describe("the project's own Neo4j server", () => {
  it("is Neo4j Community 5.26 reached over Bolt with authentication on", async () => {
    const connection = resolveConnection();
    expect(connection.uri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
    expect(connection.password.length).toBeGreaterThan(16);
    const rows = await readQuery<{ name: string; versions: string[]; edition: string }>(
      "CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition",
    );
    expect(rows).toEqual([{ name: "Neo4j Kernel", versions: [expect.stringMatching(/^5\.26\./)], edition: "community" }]);
    const [auth] = await readQuery<{ value: string }>(
      "SHOW SETTINGS YIELD name, value WHERE name = 'dbms.security.auth_enabled' RETURN value",
    );
    expect(auth?.value).toBe("true");
  });

  it("answers APOC and GDS", async () => {
    const [row] = await readQuery<{ apoc: string; gds: string }>("RETURN apoc.version() AS apoc, gds.version() AS gds");
    expect(row?.apoc).toMatch(/^5\.26\./);
    expect(row?.gds).toMatch(/^2\.13\./);
  });

  it("reads a long list in slices side by side and returns every row once, in order", async () => {
    const ids = Array.from({ length: 25_000 }, (_, i) => `id-${i}`);
    const rows = await readQueryInSlices<{ id: string; offset: number }>("UNWIND $ids AS id RETURN id, $offset AS offset", { ids, offset: 7 }, "ids");
    expect(rows.map((row) => row.id)).toEqual(ids);
    expect(rows.every((row) => row.offset === 7)).toBe(true);
    await expect(readQueryInSlices("RETURN 1", { ids: "not a list" }, "ids")).rejects.toThrow("ids is not a list");
  });

  it("runs reads side by side and gives each one's rows in the order the reads were given", async () => {
    // The first read is the slowest, so it answers last.
    const sizes = [200_000, 10, 1_000, 0, 3];
    const results = await readQueriesSideBySide<{ size: number; count: number }>(
      "UNWIND range(1, $size) AS i WITH count(i) AS count RETURN $size AS size, count",
      sizes.map((size) => ({ size })),
    );
    expect(results).toEqual(sizes.map((size) => [{ size, count: size }]));
  });
});
