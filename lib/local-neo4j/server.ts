import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { ensureServerBuilt } from "./build";
import { readJvmOptions } from "./jvm-options";
import { instancePaths, serverLayout, type ServerLayout } from "./layout";

/** One instance of the project's own Neo4j server. */
export interface InstanceOptions {
  /** The instance's home: data, logs, pid file and credentials live here. */
  home: string;
  boltPort: number;
  heapSize: string;
  pageCacheSize: string;
  layout?: ServerLayout;
  log?: (line: string) => void;
}

export type InstanceStatus =
  | { state: "running"; pid: number; uri: string; home: string }
  | { state: "stopped"; home: string; stalePid?: number };

const startTimeoutMs = 180_000;
const stopTimeoutMs = 120_000;
const portReleaseTimeoutMs = 15_000;

export function boltUri(port: number): string {
  return `bolt://127.0.0.1:${port}`;
}

export function instanceStatus(options: Pick<InstanceOptions, "home" | "boltPort">): InstanceStatus {
  const pid = readPid(options.home);
  if (pid !== undefined && isServerProcess(pid)) {
    return { state: "running", pid, uri: boltUri(options.boltPort), home: options.home };
  }
  return { state: "stopped", home: options.home, ...(pid === undefined ? {} : { stalePid: pid }) };
}

/**
 * Starts the server in the background and resolves once Bolt accepts
 * connections. Does nothing when it is already running. After a crash or
 * kill -9 the stale pid file is ignored and Neo4j recovers its store from the
 * transaction log on start.
 */
export async function startInstance(options: InstanceOptions): Promise<{ alreadyRunning: boolean; pid: number; elapsedMs: number }> {
  const began = Date.now();
  const log = options.log ?? (() => {});
  const status = instanceStatus(options);
  if (status.state === "running") return { alreadyRunning: true, pid: status.pid, elapsedMs: 0 };
  const layout = await prepareInstance(options);
  await waitForPortFree(options.boltPort);
  const pid = spawnServer(options, layout);
  fs.writeFileSync(instancePaths(options.home).pidFile, String(pid));
  log(`Starting Neo4j (pid ${pid}, home ${options.home})…`);
  await waitForBolt(options, pid);
  return { alreadyRunning: false, pid, elapsedMs: Date.now() - began };
}

/**
 * Everything a start needs but the running server: the resolved jars, the
 * home's folders and the generated credentials. The offline importer needs
 * the same before it writes a store the server has never opened.
 */
export async function prepareInstance(options: InstanceOptions): Promise<ServerLayout> {
  const layout = options.layout ?? serverLayout();
  await ensureServerBuilt(layout, options.log ?? (() => {}));
  for (const dir of ["data", "logs", "run", "import"]) fs.mkdirSync(path.join(options.home, dir), { recursive: true });
  ensureCredentials(options.home, options.boltPort, layout);
  return layout;
}

/** Whether the instance's store holds the named database's files: false before its first start or import. */
export function hasDatabaseStore(home: string, database: string): boolean {
  return fs.existsSync(path.join(home, "data", "databases", database));
}

/** Stops the server gracefully (SIGTERM runs Neo4j's shutdown, which checkpoints the store). */
export async function stopInstance(options: Pick<InstanceOptions, "home" | "boltPort">): Promise<{ wasRunning: boolean }> {
  const status = instanceStatus(options);
  const paths = instancePaths(options.home);
  if (status.state === "stopped") {
    fs.rmSync(paths.pidFile, { force: true });
    return { wasRunning: false };
  }
  process.kill(status.pid, "SIGTERM");
  const deadline = Date.now() + stopTimeoutMs;
  while (isServerProcess(status.pid)) {
    if (Date.now() > deadline) {
      process.kill(status.pid, "SIGKILL");
      throw new Error(`Neo4j did not stop within ${stopTimeoutMs / 1000}s and was killed; it will recover on next start.`);
    }
    await delay(250);
  }
  fs.rmSync(paths.pidFile, { force: true });
  return { wasRunning: true };
}

function spawnServer(options: InstanceOptions, layout: ServerLayout): number {
  const paths = instancePaths(options.home);
  const consoleFd = fs.openSync(paths.consoleLog, "a");
  const args = [
    `-Xms${options.heapSize}`,
    `-Xmx${options.heapSize}`,
    ...readJvmOptions(layout.confDir),
    "-cp",
    `${layout.libDir}${path.sep}*`,
    "org.neo4j.server.CommunityEntryPoint",
    "--home-dir",
    options.home,
    "--config-dir",
    layout.confDir,
    ...configOverrides(options, layout).flatMap((setting) => ["-c", setting]),
  ];
  const child = spawn("java", args, { cwd: options.home, detached: true, stdio: ["ignore", consoleFd, consoleFd] });
  fs.closeSync(consoleFd);
  if (child.pid === undefined) throw new Error("Could not start java: is Java 17 installed and on PATH?");
  child.unref();
  return child.pid;
}

/** Settings that differ per instance; everything else is in neo4j/conf/neo4j.conf. */
function configOverrides(options: InstanceOptions, layout: ServerLayout): string[] {
  return [
    `server.bolt.listen_address=127.0.0.1:${options.boltPort}`,
    `server.memory.pagecache.size=${options.pageCacheSize}`,
    `server.directories.plugins=${layout.pluginsDir}`,
  ];
}

/**
 * Generates the password on first start and sets it before the server ever
 * runs (Neo4j only accepts an initial password for a fresh store).
 */
function ensureCredentials(home: string, boltPort: number, layout: ServerLayout): void {
  const file = instancePaths(home).credentialsFile;
  if (fs.existsSync(file)) return;
  if (fs.existsSync(path.join(home, "data", "dbms", "auth.ini"))) {
    throw new Error(`${home} holds a database but no ${file}: restore the file or delete the folder to start fresh.`);
  }
  // base64url may begin with "-", which neo4j-admin reads as an option (and
  // then says the password is missing); a letter first keeps it an argument.
  const password = `p${crypto.randomBytes(18).toString("base64url")}`;
  const result = spawnSync(
    "java",
    ["-cp", `${layout.libDir}${path.sep}*`, "org.neo4j.cli.AdminTool", "dbms", "set-initial-password", password],
    { env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: layout.confDir }, encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`Could not set the initial password: ${result.stderr || result.stdout}`);
  const credentials = { uri: boltUri(boltPort), username: "neo4j", password };
  fs.writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
}

async function waitForBolt(options: InstanceOptions, pid: number): Promise<void> {
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (!isServerProcess(pid)) throw new Error(`Neo4j exited during start-up.\n${tailOfLogs(options.home)}`);
    if (await isPortOpen(options.boltPort)) return;
    await delay(250);
  }
  throw new Error(`Neo4j did not open Bolt on port ${options.boltPort} within ${startTimeoutMs / 1000}s.\n${tailOfLogs(options.home)}`);
}

/** A server killed a moment ago may still hold its port while the kernel tears it down; wait briefly. */
async function waitForPortFree(port: number): Promise<void> {
  const deadline = Date.now() + portReleaseTimeoutMs;
  while (await isPortOpen(port)) {
    if (Date.now() > deadline) {
      throw new Error(`Port ${port} is already in use by another program; set NEO4J_BOLT_PORT to use another port.`);
    }
    await delay(250);
  }
}

function tailOfLogs(home: string): string {
  const paths = instancePaths(home);
  return [paths.neo4jLog, paths.consoleLog]
    .filter((file) => fs.existsSync(file))
    .map((file) => `--- ${file} (last lines) ---\n${fs.readFileSync(file, "utf8").split("\n").slice(-25).join("\n")}`)
    .join("\n");
}

function readPid(home: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(instancePaths(home).pidFile, "utf8").trim(), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** True when pid is alive and is a Neo4j server (a recycled pid is not mistaken for ours). */
function isServerProcess(pid: number): boolean {
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
    const state = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.charAt(0);
    return cmdline.includes("CommunityEntryPoint") && state !== "Z";
  } catch {
    return false;
  }
}

export function isPortOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
