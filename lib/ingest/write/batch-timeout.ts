/**
 * Upper bound for one batch's transaction. Generous: a batch that touches a
 * hub attribute waits on its lock, and a timeout would only make the load
 * retry the same work.
 */
export const batchTransactionTimeoutMs = 300_000;
