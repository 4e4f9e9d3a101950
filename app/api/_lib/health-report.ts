import type { DatabaseHealth } from "@/lib/neo4j";

/** The body of GET /api/health: the same fields whether the database is up or down. */
export interface HealthReport {
  status: "up" | "down";
  database: {
    /** Without any user or password the URI may carry. */
    uri: string | null;
    name: string | null;
    /** True when NEO4J_URI points at a server this project does not manage. */
    isExternal: boolean;
    /** Why the database is down; null when up. */
    reason: string | null;
  };
  server: { name: string; version: string; edition: string } | null;
  plugins: { apoc: string | null; gds: string | null };
  /** ISO-8601. */
  checkedAt: string;
}

export function toHealthReport(health: DatabaseHealth, checkedAt: Date): HealthReport {
  const database = { uri: health.uri === null ? null : withoutCredentials(health.uri), name: health.database, isExternal: health.isExternal };
  if (health.status === "down") {
    return {
      status: "down",
      database: { ...database, reason: health.reason },
      server: null,
      plugins: { apoc: null, gds: null },
      checkedAt: checkedAt.toISOString(),
    };
  }
  const { name, version, edition, apocVersion, gdsVersion } = health.server;
  return {
    status: "up",
    database: { ...database, reason: null },
    server: { name, version, edition },
    plugins: { apoc: apocVersion, gds: gdsVersion },
    checkedAt: checkedAt.toISOString(),
  };
}

function withoutCredentials(uri: string): string {
  try {
    const url = new URL(uri);
    if (!url.username && !url.password) return uri;
    url.username = "";
    url.password = "";
    return url.toString();
  } catch {
    // Not a URL we can parse (lib/env validates it, so this is unexpected): say nothing rather than leak it.
    return "(unparseable URI)";
  }
}
