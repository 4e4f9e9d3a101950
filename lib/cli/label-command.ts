import { parseArgs } from "node:util";
import { applyLabel, labelRequestSchema, reviewLabels, type LabelRequest } from "@/lib/campaign/labels";
import { getEnv } from "@/lib/env";
import { parseOptions } from "@/lib/graph/option-schemas";

export const labelUsage = `ringscope label attribute <kind:value> --benign | --clear [--by NAME]
       ringscope label accounts <account_id>… --as ${reviewLabels.join("|")} [--by NAME]
       ringscope label members <campaign_id> [--add id,id…] [--remove id,id…] [--by NAME]`;

/** `ringscope label`: an investigator's decisions, stored with who and when. */
export async function runLabelCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      benign: { type: "boolean", default: false },
      clear: { type: "boolean", default: false },
      as: { type: "string" },
      add: { type: "string", default: "" },
      remove: { type: "string", default: "" },
      by: { type: "string" },
    },
  });
  const [target, ...rest] = positionals;
  const request = toRequest(target, rest, values);
  if (!request) {
    console.error(`Usage: ${labelUsage}`);
    return 1;
  }
  const by = values.by ?? getEnv().RINGSCOPE_USER;
  const { changed } = await applyLabel(parseOptions(labelRequestSchema, request), by);
  console.log(`Labelled ${changed} ${target === "attribute" ? "attribute" : "account"}${changed === 1 ? "" : "s"}, by ${by}.`);
  return 0;
}

const list = (text: string) => text.split(",").map((id) => id.trim()).filter((id) => id.length > 0);

function toRequest(target: string | undefined, rest: string[], values: { benign: boolean; clear: boolean; as?: string; add: string; remove: string }): LabelRequest | undefined {
  if (target === "attribute" && rest.length === 1 && values.benign !== values.clear) return { target, key: rest[0]!, benign: values.benign };
  // The label text is checked by labelRequestSchema, with the message the other edges give.
  if (target === "accounts" && rest.length > 0 && values.as) return { target, ids: rest, label: values.as as (typeof reviewLabels)[number] };
  if (target === "members" && rest.length === 1) return { target, campaignId: rest[0]!, add: list(values.add), remove: list(values.remove) };
  return undefined;
}
