import type { Core } from "cytoscape";

declare global {
  interface Window {
    /** The canvas's Cytoscape instance; only in builds made with NEXT_PUBLIC_RINGSCOPE_TEST_HOOKS=1. */
    __ringscopeCy?: Core;
  }
}

/**
 * Whether this build exposes the canvas to end-to-end tests. Next.js inlines
 * NEXT_PUBLIC_* at build time, so the check (and the hook) vanish from normal
 * builds; it must stay a literal `process.env.NEXT_PUBLIC_…` read for that.
 */
export const isTestHookEnabled = process.env.NEXT_PUBLIC_RINGSCOPE_TEST_HOOKS === "1";

export function exposeForTests(cy: Core): void {
  if (isTestHookEnabled) window.__ringscopeCy = cy;
}

export function hideFromTests(cy: Core): void {
  if (isTestHookEnabled && window.__ringscopeCy === cy) delete window.__ringscopeCy;
}
