import { useEffect, useEffectEvent, useState } from "react";

/** Where this browser keeps the renderer choice: "on" or "off". */
const storageKey = "ringscope.webgl";

/**
 * Keeps the WebGL setting across reloads in this browser: restores it once
 * after hydration (the server cannot know it, so the first render is 2D),
 * then stores every change. Without storage (blocked by the browser) the
 * setting still works for the page's life.
 */
export function useRememberedWebgl(isWebgl: boolean, onRestore: (isWebgl: boolean) => void): void {
  const [isRestored, setIsRestored] = useState(false);
  const restore = useEffectEvent(onRestore);
  // Once per mount: later changes come from the user and are stored below.
  useEffect(() => {
    if (readStored() === "on") restore(true);
    setIsRestored(true);
  }, []);
  useEffect(() => {
    if (isRestored) writeStored(isWebgl ? "on" : "off");
  }, [isWebgl, isRestored]);
}

function readStored(): string | null {
  try {
    return window.localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

function writeStored(value: string): void {
  try {
    window.localStorage.setItem(storageKey, value);
  } catch {
    // Storage blocked or full: the choice lasts until the page closes.
  }
}
