/** Shown while the campaign is searched (seconds for a large one), so the investigator sees the work has started. */
export default function FindingCampaign() {
  return (
    <section className="flex flex-col gap-2 p-4" aria-busy="true">
      <h1 className="text-lg font-semibold">Finding the campaign…</h1>
      <p className="text-sm text-slate-600">
        Walking out from the account over the attributes it shares, weighing each by how rare it is. A campaign of tens of thousands of accounts
        takes a while.
      </p>
    </section>
  );
}
