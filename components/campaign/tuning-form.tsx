import { campaignOptionsSchema } from "@/lib/campaign/options";

const defaults = campaignOptionsSchema.shape;

const fields = [
  { name: "alpha", label: "Teleport α", hint: "higher stays closer to the seed", step: "0.01", placeholder: String(defaults.alpha.def.defaultValue) },
  { name: "maxStages", label: "Stages", hint: "0: the seed's tight cluster only", step: "1", placeholder: String(defaults.maxStages.def.defaultValue) },
  { name: "maxReached", label: "Accounts read at most", hint: "work budget", step: "1", placeholder: String(defaults.maxReached.def.defaultValue) },
] as const;

/** Re-run with other thresholds: a plain GET form, so the thresholds stay in the address and a link reopens the same run. */
export function TuningForm({ values }: { values: Partial<Record<(typeof fields)[number]["name"], number>> }) {
  return (
    <form method="get" aria-label="Re-run with other thresholds" className="flex flex-wrap items-end gap-3 text-sm">
      {fields.map((field) => (
        <label key={field.name} className="flex flex-col">
          <span>
            {field.label} <span className="text-xs text-slate-500">({field.hint})</span>
          </span>
          <input
            name={field.name}
            type="number"
            step={field.step}
            defaultValue={values[field.name]}
            placeholder={field.placeholder}
            className="w-40 rounded border border-slate-300 px-2 py-1"
          />
        </label>
      ))}
      <button type="submit" className="rounded bg-slate-800 px-3 py-1 text-white">
        Re-run
      </button>
    </form>
  );
}
