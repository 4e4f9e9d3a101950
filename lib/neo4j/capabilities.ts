import { AppError, errorMessage } from "@/lib/errors/app-error";
import { readQuery } from "./query";
import { resolveConnection } from "./connection";
import { verifyReachable } from "./driver";

export interface ServerInfo {
  name: string;
  version: string;
  edition: string;
  apocVersion: string | null;
  gdsVersion: string | null;
}

export type DatabaseHealth =
  | { status: "up"; uri: string; database: string; isExternal: boolean; server: ServerInfo }
  | { status: "down"; uri: string | null; database: string | null; isExternal: boolean; reason: string };

export interface HealthCheckOptions {
  /**
   * Reuse the server's description (version, plugins) when it was read this
   * recently from the same address; whether the server answers is asked
   * every time. Default 0: read it afresh. Pages pass `pageHealthReuseMs`.
   */
  reuseInfoForMs?: number;
}

/**
 * How long pages reuse the server's description: it changes only when the
 * server restarts, and reading it (five queries) is most of the time a page
 * spends on its health check, which every page waits for.
 */
export const pageHealthReuseMs = 60_000;

let lastInfo: { uri: string; readAt: number; info: ServerInfo } | undefined;

/** Asks the server who it is and which plugins answer; never throws. */
export async function checkDatabaseHealth({ reuseInfoForMs = 0 }: HealthCheckOptions = {}): Promise<DatabaseHealth> {
  let settings;
  try {
    settings = resolveConnection();
  } catch (error) {
    return { status: "down", uri: null, database: null, isExternal: false, reason: errorMessage(error) };
  }
  try {
    return {
      status: "up",
      uri: settings.uri,
      database: settings.database,
      isExternal: settings.isExternal,
      server: await readOrReuseServerInfo(settings.uri, reuseInfoForMs),
    };
  } catch (error) {
    return { status: "down", uri: settings.uri, database: settings.database, isExternal: settings.isExternal, reason: errorMessage(error) };
  }
}

async function readOrReuseServerInfo(uri: string, reuseInfoForMs: number): Promise<ServerInfo> {
  const now = Date.now();
  if (lastInfo && lastInfo.uri === uri && now - lastInfo.readAt < reuseInfoForMs) {
    await verifyReachable();
    return lastInfo.info;
  }
  const info = await readServerInfo();
  lastInfo = { uri, readAt: now, info };
  return info;
}

export async function readServerInfo(): Promise<ServerInfo> {
  await verifyReachable();
  const [component] = await readQuery<{ name: string; versions: string[]; edition: string }>(
    "CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition",
    {},
    { timeoutMs: 5_000 },
  );
  if (!component) throw new AppError("INTERNAL", "The server did not describe itself (dbms.components returned nothing).");
  return {
    name: component.name,
    version: component.versions[0] ?? "unknown",
    edition: component.edition,
    apocVersion: await pluginVersion("apoc.version"),
    gdsVersion: await pluginVersion("gds.version"),
  };
}

/**
 * The version a plugin function reports, or null when the server lacks it.
 * Asked through SHOW FUNCTIONS so a missing plugin is an answer, not an error.
 */
/** The statement that asks each plugin its version: fixed text, no interpolation. */
const versionQueries = {
  "apoc.version": "RETURN apoc.version() AS version",
  "gds.version": "RETURN gds.version() AS version",
} as const;

async function pluginVersion(functionName: keyof typeof versionQueries): Promise<string | null> {
  const [present] = await readQuery<{ found: boolean }>(
    "SHOW FUNCTIONS YIELD name WHERE name = $functionName RETURN count(*) > 0 AS found",
    { functionName },
    { timeoutMs: 5_000 },
  );
  if (!present?.found) return null;
  const [row] = await readQuery<{ version: string }>(versionQueries[functionName], {}, { timeoutMs: 5_000 });
  return row?.version ?? null;
}
