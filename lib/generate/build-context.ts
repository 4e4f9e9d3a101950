/**
 * What population builders share while a scenario is assembled.
 */
import type { DomainTable } from "./domains";
import type { IdFormatter } from "./identifiers";
import type { NetworkPlan } from "./network";
import type { Population } from "./population";
import type { PresetSpec } from "./presets";

export interface BuildContext {
  spec: PresetSpec;
  seed: number;
  pop: Population;
  ids: IdFormatter;
  net: NetworkPlan;
  domains: DomainTable;
}
