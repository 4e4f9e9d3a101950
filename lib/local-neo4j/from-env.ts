import { getEnv, localServerHome, type Env } from "@/lib/env";
import type { InstanceOptions } from "./server";

/** The demo/developer server: home under the state dir, sizes and port from the environment. */
export function localInstanceOptions(env: Env = getEnv()): Omit<InstanceOptions, "log"> {
  return {
    home: localServerHome(env),
    boltPort: env.NEO4J_BOLT_PORT,
    heapSize: env.NEO4J_HEAP_SIZE,
    pageCacheSize: env.NEO4J_PAGECACHE_SIZE,
  };
}
