import path from "node:path";
import { z } from "zod";

/**
 * The process environment, validated once. Every setting Ringscope reads from
 * the environment is named here (and documented in .env.example); nothing else
 * reads process.env for configuration.
 */
const envSchema = z.object({
  /** An external server (Docker, Aura, a cluster via neo4j://). Unset: the project's own local server. */
  NEO4J_URI: z.string().url().optional(),
  NEO4J_USERNAME: z.string().min(1).default("neo4j"),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().min(1).default("neo4j"),
  /** Upper bound for one query from the app, in milliseconds. */
  NEO4J_QUERY_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  /** How many transactions one large read (a campaign's links, its sessions) is split over; each runs on one server core. */
  NEO4J_READ_PARALLELISM: z.coerce.number().int().min(1).max(64).default(2),
  /** Where the local server keeps its home (data, logs, generated password) and demo data is cached. */
  RINGSCOPE_STATE_DIR: z.string().min(1).optional(),
  /** Local server sizing; JVM/Neo4j size syntax such as 4g or 512m. */
  NEO4J_HEAP_SIZE: z.string().regex(/^\d+[kmg]$/i, "a size such as 4g or 512m").default("4g"),
  NEO4J_PAGECACHE_SIZE: z.string().regex(/^\d+[kmg]$/i, "a size such as 8g or 512m").default("8g"),
  NEO4J_BOLT_PORT: z.coerce.number().int().min(1).max(65535).default(7687),
  /** Who labels things, until login exists. */
  RINGSCOPE_USER: z.string().min(1).default("investigator"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Parses the environment on first use and fails fast naming the bad key. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
  }
  cached = parsed.data;
  return cached;
}

/** Forget the parsed environment (tests and CLIs that change process.env call this). */
export function resetEnv(): void {
  cached = undefined;
}

export function stateDir(env: Env = getEnv()): string {
  return path.resolve(env.RINGSCOPE_STATE_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), ".ringscope"));
}

/** The local server's home (data, logs, credentials.json): one rule for the server lifecycle and the driver. */
export function localServerHome(env: Env = getEnv()): string {
  return path.join(stateDir(env), "neo4j");
}
