/**
 * The hand-off between session generators and the session files. One draft
 * object is reused for every session, so sixteen million sessions cost no
 * sixteen million objects.
 */
import type { Endpoint } from "./network";

export interface SessionDraft {
  accountId: string;
  /** Epoch milliseconds. */
  startedAt: number;
  /** Epoch milliseconds, ≥ startedAt; NaN when unknown (the key is omitted). */
  endedAt: number;
  endpoint: Endpoint | null;
  deviceId: string | null;
  /** The user agent already JSON-encoded (quotes included), or null. */
  userAgentJson: string | null;
  /** Non-negative, or -1 when unknown. */
  requestCount: number;
  promptFp: string | null;
}

export interface SessionSink {
  emit(draft: SessionDraft): void;
}

export function createDraft(): SessionDraft {
  return {
    accountId: "",
    startedAt: 0,
    endedAt: Number.NaN,
    endpoint: null,
    deviceId: null,
    userAgentJson: null,
    requestCount: -1,
    promptFp: null,
  };
}

/** Clears the optional fields before a generator fills the next session. */
export function resetDraft(draft: SessionDraft): SessionDraft {
  draft.endedAt = Number.NaN;
  draft.endpoint = null;
  draft.deviceId = null;
  draft.userAgentJson = null;
  draft.requestCount = -1;
  draft.promptFp = null;
  return draft;
}
