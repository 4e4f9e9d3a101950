import { describe, expect, it } from "vitest";
import { laneOfAccount, WriteLanes } from "./write-lanes";

interface Row {
  account: string;
  session: string;
}

const keys = { accountOf: (row: Row) => row.account, sessionOf: (row: Row) => row.session };
const row = (account: string, session: string): Row => ({ account, session });

/** Two accounts per lane of two, found by the hash (the test must not depend on which ids land where). */
function accountsByLane(): [string[], string[]] {
  const lanes: [string[], string[]] = [[], []];
  for (let i = 0; lanes[0].length < 2 || lanes[1].length < 2; i++) lanes[laneOfAccount(`acct_${i}`, 2) === 0 ? 0 : 1].push(`acct_${i}`);
  return lanes;
}
const [[a1, a2], [b1, b2]] = accountsByLane() as [[string, string], [string, string]];

/** A part writer that records when parts start and end; each part waits until the test releases it. */
function recordingWriter() {
  const events: string[] = [];
  const releases = new Map<string, () => void>();
  const write = async (part: Row[]) => {
    const name = part.map((r) => r.session).join("+");
    events.push(`start ${name}`);
    await new Promise<void>((resolve) => releases.set(name, resolve));
    events.push(`end ${name}`);
    if (name.includes("bad")) throw new Error(`deadlock in ${name}`);
    return name;
  };
  const release = async (name: string) => {
    for (let tries = 0; !releases.has(name); tries++) {
      if (tries > 50) throw new Error(`part ${name} never started; events: ${events.join(", ")}`);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    releases.get(name)?.();
    releases.delete(name);
  };
  return { events, write, release };
}

describe("laneOfAccount", () => {
  it("gives an account the same lane every time and spreads accounts over the lanes", () => {
    const lanes = Array.from({ length: 1000 }, (_, i) => laneOfAccount(`acct_${i.toString(16)}`, 2));
    expect(lanes.filter((lane) => lane === 0).length).toBeGreaterThan(400);
    expect(lanes.filter((lane) => lane === 0).length).toBeLessThan(600);
    expect(laneOfAccount("acct_1f", 2)).toBe(laneOfAccount("acct_1f", 2));
  });
});

describe("WriteLanes", () => {
  it("keeps an account's rows in one lane, in input order, and returns the parts' results in lane order", async () => {
    const lanes = new WriteLanes(2);
    const written: Row[][] = [];
    const rows = [row(a1, "s1"), row(b1, "s2"), row(a1, "s3"), row(b2, "s4"), row(a2, "s5")];
    const results = await lanes.write(rows, keys, (part) => {
      written.push(part);
      return Promise.resolve(part.length);
    });
    expect(written).toEqual([
      [row(a1, "s1"), row(a1, "s3"), row(a2, "s5")],
      [row(b1, "s2"), row(b2, "s4")],
    ]);
    expect(results).toEqual([3, 2]);
  });

  it("lets a lane start the next batch while the other lane still writes this one", async () => {
    const lanes = new WriteLanes(2);
    const { events, write, release } = recordingWriter();
    const first = lanes.write([row(a1, "x1"), row(b1, "y1")], keys, write);
    const second = lanes.write([row(a1, "x2"), row(b1, "y2")], keys, write);
    await release("x1");
    await release("x2");
    expect(events).toEqual(["start x1", "start y1", "end x1", "start x2", "end x2"]);
    await release("y1");
    await release("y2");
    await expect(first).resolves.toEqual(["x1", "y1"]);
    await expect(second).resolves.toEqual(["x2", "y2"]);
  });

  it("writes a batch whose session crosses lanes as one part, after every lane and before the next batch", async () => {
    const lanes = new WriteLanes(2);
    const { events, write, release } = recordingWriter();
    const first = lanes.write([row(a1, "x1"), row(b1, "y1")], keys, write);
    // s9 named by an account of each lane: a session changing owner.
    const crossing = lanes.write([row(a2, "s9"), row(b2, "s9")], keys, write);
    await release("x1");
    await release("y1");
    await release("s9+s9");
    await Promise.all([first, crossing]);
    const third = lanes.write([row(a1, "x3")], keys, write);
    await release("x3");
    await third;
    expect(events).toEqual(["start x1", "start y1", "end x1", "end y1", "start s9+s9", "end s9+s9", "start x3", "end x3"]);
  });

  it("treats a session of the batch before, now named by an account of the other lane, as crossing", async () => {
    const lanes = new WriteLanes(2);
    const { events, write, release } = recordingWriter();
    const first = lanes.write([row(a1, "s1"), row(b1, "y1")], keys, write);
    const second = lanes.write([row(b2, "s1")], keys, write);
    await release("s1");
    await release("y1");
    await release("s1");
    await Promise.all([first, second]);
    expect(events).toEqual(["start s1", "start y1", "end s1", "end y1", "start s1", "end s1"]);
  });

  it("refuses a third batch while two are in flight", async () => {
    const lanes = new WriteLanes(2);
    const { write, release } = recordingWriter();
    const first = lanes.write([row(a1, "x1")], keys, write);
    const second = lanes.write([row(a1, "x2")], keys, write);
    await expect(lanes.write([row(a1, "x3")], keys, write)).rejects.toThrow("more than 2 batches in flight");
    await release("x1");
    await release("x2");
    await Promise.all([first, second]);
  });

  it("reports the first failure once every part settled, and writes nothing more on the failed lane", async () => {
    const lanes = new WriteLanes(2);
    const { events, write, release } = recordingWriter();
    const first = lanes.write([row(a1, "bad"), row(b1, "y1")], keys, write);
    const second = lanes.write([row(a1, "x2"), row(b1, "y2")], keys, write);
    const failure = expect(first).rejects.toThrow("deadlock in bad");
    await release("bad");
    await release("y1");
    await release("y2");
    await failure;
    await expect(second).rejects.toThrow("deadlock in bad");
    expect(events).not.toContain("start x2");
  });
});
