import { describe, expect, it } from "vitest";
import { BatchesInFlight } from "./batches-in-flight";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("BatchesInFlight", () => {
  it("with a limit of one, writes one batch at a time while the caller reads", async () => {
    const writes = new BatchesInFlight(1);
    const events: string[] = [];
    const write = (name: string) => async () => {
      events.push(`start ${name}`);
      await pause(5);
      events.push(`end ${name}`);
      return name;
    };
    const record = (name: string) => Promise.resolve(void events.push(`recorded ${name}`));
    await writes.submit(write("a"), record);
    events.push("reading");
    await writes.submit(write("b"), record);
    await writes.drain();
    expect(events).toEqual(["start a", "reading", "end a", "recorded a", "start b", "end b", "recorded b"]);
  });

  it("with a limit of two, overlaps writes and still records them in submission order", async () => {
    const writes = new BatchesInFlight(2);
    const events: string[] = [];
    const write = (name: string, ms: number) => async () => {
      events.push(`start ${name}`);
      await pause(ms);
      return name;
    };
    const record = (name: string) => Promise.resolve(void events.push(`recorded ${name}`));
    await writes.submit(write("slow", 20), record);
    await writes.submit(write("fast", 1), record);
    await writes.submit(write("third", 1), record);
    await writes.drain();
    // The fast write started while the slow one ran, and was recorded only after it.
    expect(events.slice(0, 3)).toEqual(["start slow", "start fast", "recorded slow"]);
    expect(events.filter((event) => event.startsWith("recorded"))).toEqual(["recorded slow", "recorded fast", "recorded third"]);
  });

  it("reports a failed write on the next submit and on drain", async () => {
    const writes = new BatchesInFlight(2);
    await writes.submit(() => Promise.reject(new Error("db down")), () => Promise.resolve());
    await expect(writes.drain()).rejects.toThrow("db down");
    await expect(writes.submit(() => Promise.resolve(), () => Promise.resolve())).rejects.toThrow("db down");
  });
});
