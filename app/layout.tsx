import type { Metadata } from "next";
import Link from "next/link";
import "./globals.css";

export const metadata: Metadata = {
  title: "Ringscope",
  description: "Explore the accounts that share devices, cards, phones and addresses, and the fraud rings they form.",
};

// The header's links go to pages that ask the database on every request; prefetching
// them made every page load run those queries too, beside its own (bench:ui (a)).
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className="h-full">
      <body className="flex h-full flex-col bg-slate-100 font-sans text-slate-900 antialiased">
        <header className="flex h-12 shrink-0 items-center gap-4 border-b border-slate-800 bg-slate-950 px-4 text-slate-100">
          <Link href="/" prefetch={false} className="flex items-center gap-2 rounded text-sm font-semibold tracking-tight focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:outline-none">
            <RingMark />
            Ringscope
          </Link>
          <nav className="flex gap-3 text-sm">
            <Link href="/" prefetch={false} className="rounded text-slate-300 hover:text-white focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:outline-none">
              Explorer
            </Link>
            <Link href="/campaigns" prefetch={false} className="rounded text-slate-300 hover:text-white focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:outline-none">
              Campaigns
            </Link>
          </nav>
          <p className="hidden truncate text-xs text-slate-400 sm:block">
            Find the accounts that share devices, cards and addresses, and the rings they form.
          </p>
        </header>
        <main className="flex min-h-0 flex-1 flex-col">{children}</main>
      </body>
    </html>
  );
}

function RingMark() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5">
      <circle cx="10" cy="10" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.5" className="text-slate-500" />
      <circle cx="10" cy="3.5" r="2" className="fill-sky-400" />
      <circle cx="4.4" cy="13.25" r="2" className="fill-sky-400" />
      <circle cx="15.6" cy="13.25" r="2" className="fill-red-400" />
    </svg>
  );
}
