import { writeQuery } from "@/lib/neo4j";

/*
 * One (:IngestRun) node per load, beside the data graph (MERGE relies on
 * constraint `ingest_run_id`). It is written when the run starts, so a run
 * killed mid-way stays visible as status "running" with no finished_at.
 */

export interface IngestRunStarted {
  runId: string;
  startedAt: string;
  input: string;
  files: readonly string[];
}

export interface IngestRunFinished {
  runId: string;
  finishedAt: string;
  loaded: number;
  rejected: number;
  status: "completed" | "failed";
}

const recordStartCypher = `
MERGE (r:IngestRun {run_id: $runId})
SET r.started_at = datetime($startedAt), r.input = $input, r.files = $files,
  r.loaded = 0, r.rejected = 0, r.status = 'running'`;

const recordFinishCypher = `
MATCH (r:IngestRun {run_id: $runId})
SET r.finished_at = datetime($finishedAt), r.loaded = toInteger($loaded), r.rejected = toInteger($rejected), r.status = $status`;

export async function recordRunStarted(run: IngestRunStarted): Promise<void> {
  await writeQuery(recordStartCypher, { ...run, files: [...run.files] });
}

export async function recordRunFinished(run: IngestRunFinished): Promise<void> {
  await writeQuery(recordFinishCypher, { ...run });
}
