import { describe, expect, it } from "vitest";
import { Batcher } from "./batcher";

describe("Batcher", () => {
  it("hands out full batches, then the rest on flush", () => {
    const batcher = new Batcher<number>(2);
    expect(batcher.add(1)).toBeUndefined();
    expect(batcher.add(2)).toEqual([1, 2]);
    expect(batcher.add(3)).toBeUndefined();
    expect(batcher.flush()).toEqual([3]);
    expect(batcher.flush()).toBeUndefined();
  });

  it("refuses a size that is not a positive integer", () => {
    expect(() => new Batcher(0)).toThrow(RangeError);
  });
});
