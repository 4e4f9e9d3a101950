import { describe, expect, it } from "vitest";
import { OneInFlight } from "./one-in-flight";

describe("OneInFlight", () => {
  it("runs jobs in order, one at a time", async () => {
    const writes = new OneInFlight();
    const events: string[] = [];
    const job = (name: string) => async () => {
      events.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      events.push(`end ${name}`);
    };
    await writes.submit(job("a"));
    events.push("reading");
    await writes.submit(job("b"));
    await writes.drain();
    expect(events).toEqual(["start a", "reading", "end a", "start b", "end b"]);
  });

  it("reports a failed job on the next submit", async () => {
    const writes = new OneInFlight();
    await writes.submit(() => Promise.reject(new Error("db down")));
    await expect(writes.submit(() => Promise.resolve())).rejects.toThrow("db down");
  });
});
