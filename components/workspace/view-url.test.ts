import { describe, expect, it } from "vitest";
import { decodeViewLink, encodeSavedLink, encodeViewLink, readLinkRequest, type ViewLink } from "./view-url";

describe("view links", () => {
  it("round-trips a view's steps through the query string", () => {
    const link: ViewLink = {
      steps: [
        { type: "open", ids: ["account:a&b"] },
        { type: "expand", ids: ["ip:2001:db8::1"], cap: 50, includeHubs: true },
        { type: "remove", ids: ["device:d 1"] },
      ],
      hidden: ["email:x@y.example"],
      hubThreshold: 150,
    };
    expect(decodeViewLink(encodeViewLink(link))).toEqual(link);
  });

  it("writes nothing for an empty view and ignores links it did not write", () => {
    expect(encodeViewLink({ steps: [], hidden: [] })).toBe("");
    expect(decodeViewLink("?view=%7Bnot-json")).toBeNull();
    expect(decodeViewLink("?view=%7B%22steps%22%3A1%7D")).toBeNull();
    expect(decodeViewLink("?q=x")).toBeNull();
  });
});

describe("readLinkRequest", () => {
  it("reads a saved view's id, an inline view, or nothing", () => {
    const link: ViewLink = { steps: [{ type: "open", ids: ["account:a1"] }], hidden: [] };
    expect(readLinkRequest(encodeSavedLink("Ab3_-xYz0123"))).toEqual({ type: "saved", id: "Ab3_-xYz0123" });
    expect(readLinkRequest(encodeViewLink(link))).toEqual({ type: "view", link });
    expect(readLinkRequest("?q=x")).toBeNull();
  });
});
