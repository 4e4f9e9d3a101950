import path from "node:path";

/**
 * Where the pieces of the project's own Neo4j live. The Maven project under
 * neo4j/ resolves the server (target/lib) and its procedure plugins
 * (target/plugins); each server instance has its own home folder holding
 * data, logs, a pid file and the generated credentials.
 */
export interface ServerLayout {
  projectDir: string;
  pomFile: string;
  confDir: string;
  libDir: string;
  pluginsDir: string;
}

export function serverLayout(projectDir: string = process.cwd()): ServerLayout {
  const neo4jDir = path.join(projectDir, "neo4j");
  return {
    projectDir,
    pomFile: path.join(neo4jDir, "pom.xml"),
    confDir: path.join(neo4jDir, "conf"),
    libDir: path.join(neo4jDir, "target", "lib"),
    pluginsDir: path.join(neo4jDir, "target", "plugins"),
  };
}

export interface InstancePaths {
  home: string;
  pidFile: string;
  consoleLog: string;
  neo4jLog: string;
  credentialsFile: string;
}

export function instancePaths(home: string): InstancePaths {
  return {
    home,
    pidFile: path.join(home, "run", "neo4j.pid"),
    consoleLog: path.join(home, "logs", "console.log"),
    neo4jLog: path.join(home, "logs", "neo4j.log"),
    // lib/neo4j/connection.ts reads the same file: keep the two in step.
    credentialsFile: path.join(home, "credentials.json"),
  };
}
