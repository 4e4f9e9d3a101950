/**
 * The canvas's layout worker: runs the force layout off the main thread, so
 * the page keeps panning, clicking and typing while a large graph is laid
 * out. One job per worker; the canvas terminates it to cancel.
 */
import { runForceLayout, type ForceLayoutInput } from "./force-layout";
import { withoutOverlaps, type NodeBox } from "./separate-overlaps";

/** The nodes come with their drawn sizes, so the answer can leave no two overlapping. */
export interface LayoutJob extends ForceLayoutInput {
  nodes: readonly NodeBox[];
}

addEventListener("message", (event: MessageEvent<LayoutJob>) => {
  postMessage(withoutOverlaps(event.data.nodes, runForceLayout(event.data)));
});
