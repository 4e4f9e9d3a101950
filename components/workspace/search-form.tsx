"use client";

import { useId, useState, type FormEvent } from "react";

/** The search box. It has no backend yet: submitting says so instead of pretending. */
export function SearchForm() {
  const inputId = useId();
  const [notice, setNotice] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice("Search arrives with the explorer. Nothing is searched yet.");
  }

  return (
    <form role="search" onSubmit={onSubmit} className="flex flex-wrap items-end gap-x-3 gap-y-1">
      <div className="flex min-w-64 flex-1 flex-col gap-1">
        <label htmlFor={inputId} className="text-xs font-medium text-slate-600">
          Search accounts and attributes
        </label>
        <input
          id={inputId}
          name="q"
          type="search"
          autoComplete="off"
          spellCheck={false}
          placeholder="Account id, email, phone, IP, device or card fingerprint"
          className="h-9 rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-900 shadow-xs placeholder:text-slate-400 focus:border-sky-500 focus:ring-2 focus:ring-sky-500/30 focus:outline-none"
        />
      </div>
      <button
        type="submit"
        className="h-9 rounded-md bg-slate-900 px-4 text-sm font-medium text-white hover:bg-slate-800 focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:ring-offset-2 focus-visible:outline-none"
      >
        Search
      </button>
      {/* Always rendered, so screen readers announce the notice when it appears. */}
      <p role="status" className="min-h-4 basis-full text-xs text-slate-600">
        {notice}
      </p>
    </form>
  );
}
