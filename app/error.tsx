"use client";

// Last line of defence for the page: an unexpected error renders this, not
// Next's error screen. Expected trouble (database down) never gets here.

import { useEffect } from "react";

export default function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <div className="flex flex-1 items-start justify-center p-6 sm:p-10">
      <div role="alert" className="w-full max-w-2xl rounded-md border border-slate-200 bg-white p-5 shadow-sm">
        <h1 className="text-base font-semibold text-slate-900">Something went wrong on our side</h1>
        <p className="mt-1 text-sm text-slate-600">
          The page could not be shown. Trying again usually helps; if not, the server log has the details
          {digest ? (
            <>
              {" "}
              under <code className="font-mono text-xs">{digest}</code>
            </>
          ) : null}
          .
        </p>
        <button
          type="button"
          onClick={retry}
          className="mt-4 inline-flex h-8 items-center rounded-md bg-slate-900 px-3 text-sm font-medium text-white hover:bg-slate-800 focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:ring-offset-2 focus-visible:outline-none"
        >
          Try again
        </button>
      </div>
    </div>
  );
}
