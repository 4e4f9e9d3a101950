/**
 * The canvas's layout worker: runs the force layout off the main thread, so
 * the page keeps panning, clicking and typing while a large graph is laid
 * out. One job per worker; the canvas terminates it to cancel.
 */
import { runForceLayout, type ForceLayoutInput } from "./force-layout";

addEventListener("message", (event: MessageEvent<ForceLayoutInput>) => {
  postMessage(runForceLayout(event.data));
});
