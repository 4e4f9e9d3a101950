"use client";

import { useEffect, useId, useState, type KeyboardEvent } from "react";
import type { SearchHit, SearchResult } from "@/lib/graph/search";
import { explorerApi } from "./explorer-api";
import { KindBadge } from "./kind-badge";

/** Wait this long after the last keystroke before asking: fast typists send one request, not ten. */
const debounceMs = 200;

type Suggestions =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "ready"; result: SearchResult }
  | { status: "error"; message: string };

/**
 * The one search box: typeahead over accounts (id, email, phone), attribute
 * values of any kind, IPv4 and IPv6 CIDR ranges and sign-up date ranges, with kind
 * badges and account counts. Choosing a result hands it to `onChoose`.
 */
export function SearchBox({ hubThreshold, onChoose }: { hubThreshold: number; onChoose: (hit: SearchHit) => void }) {
  const inputId = useId();
  const listId = useId();
  const [query, setQuery] = useState("");
  const [suggestions, setSuggestions] = useState<Suggestions>({ status: "idle" });
  const [activeIndex, setActiveIndex] = useState(0);
  const [isOpen, setIsOpen] = useState(false);

  useEffect(() => {
    const q = query.trim();
    if (q === "") {
      setSuggestions({ status: "idle" });
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setSuggestions({ status: "loading" });
      explorerApi.search(q, hubThreshold, controller.signal).then(
        (result) => {
          setSuggestions({ status: "ready", result });
          setActiveIndex(0);
        },
        (error: unknown) => {
          if (!controller.signal.aborted) setSuggestions({ status: "error", message: (error as Error).message });
        },
      );
    }, debounceMs);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [query, hubThreshold]);

  const hits = suggestions.status === "ready" ? suggestions.result.hits : [];

  function choose(hit: SearchHit | undefined) {
    if (!hit) return;
    onChoose(hit);
    setIsOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setIsOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActiveIndex((index) => (hits.length === 0 ? 0 : (index + step + hits.length) % hits.length));
    } else if (event.key === "Enter") {
      event.preventDefault();
      choose(hits[activeIndex]);
    } else if (event.key === "Escape") {
      setIsOpen(false);
    }
  }

  return (
    <div role="search" className="relative flex flex-col gap-1">
      <label htmlFor={inputId} className="text-xs font-medium text-slate-600">
        Search accounts and attributes
      </label>
      <input
        id={inputId}
        role="combobox"
        aria-expanded={isOpen && hits.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        type="search"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setIsOpen(true);
        }}
        onFocus={() => setIsOpen(true)}
        onBlur={() => setIsOpen(false)}
        onKeyDown={onKeyDown}
        placeholder="Account id, email, phone, IP, device, card… or 203.0.113.0/24, 2026-01-01..2026-01-31"
        className="h-9 rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-900 shadow-xs placeholder:text-slate-400 focus:border-sky-500 focus:ring-2 focus:ring-sky-500/30 focus:outline-none"
      />
      {isOpen && hits.length > 0 ? (
        <ul
          id={listId}
          role="listbox"
          aria-label="Search results"
          className="absolute top-full z-20 mt-1 max-h-80 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
        >
          {hits.map((hit, index) => (
            <li
              key={hit.id}
              role="option"
              aria-selected={index === activeIndex}
              // mousedown, not click: it fires before the input's blur closes the list.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(hit);
              }}
              className={`flex cursor-pointer items-center gap-2 px-3 py-1.5 ${index === activeIndex ? "bg-sky-50" : ""}`}
            >
              <KindBadge kind={hit.kind} />
              <span className="truncate font-medium text-slate-900">{hit.label}</span>
              <span className="ml-auto shrink-0 text-xs text-slate-500 tabular-nums">{hitDetail(hit)}</span>
            </li>
          ))}
          {suggestions.status === "ready" && suggestions.result.isTruncated ? (
            <li className="px-3 py-1 text-xs text-slate-500">More match: type more to narrow the list.</li>
          ) : null}
        </ul>
      ) : null}
      <p role="status" className="min-h-4 text-xs text-slate-600">
        {statusText(suggestions, query)}
      </p>
    </div>
  );
}

function hitDetail(hit: SearchHit): string {
  if (hit.accountCount !== undefined) {
    return `${hit.accountCount.toLocaleString("en")} ${hit.accountCount === 1 ? "account" : "accounts"}${hit.isHub ? " · hub" : ""}`;
  }
  return [hit.status, hit.matchedOn === "id" ? null : `by ${hit.matchedOn}`].filter(Boolean).join(" · ");
}

function statusText(suggestions: Suggestions, query: string): string {
  switch (suggestions.status) {
    case "idle":
      return "";
    case "loading":
      return "Searching…";
    case "error":
      return suggestions.message;
    case "ready":
      return suggestions.result.hits.length === 0 ? `Nothing starts with “${query.trim()}”.` : "";
  }
}
