// Lifecycle of the project's own Neo4j server (the demo server and throwaway test servers).
export { startInstance, stopInstance, prepareInstance, hasDatabaseStore, instanceStatus, boltUri, type InstanceOptions, type InstanceStatus } from "./server";
export { serverLayout, instancePaths, type ServerLayout } from "./layout";
export { localInstanceOptions } from "./from-env";
