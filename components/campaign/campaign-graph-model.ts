import type { GraphEdge, GraphModel, GraphNode } from "@/components/graph/graph-model";
import type { GroupOutline, MapAttribute, MapOutline, OpenedGroup } from "@/lib/campaign/campaign-map";
import { accountNodeId, parseNodeId } from "@/lib/graph/node-id";
import { plural } from "@/lib/plural";

/**
 * What the campaign view draws, as plain graph data: the overview (one node
 * per sub-group, one per binding attribute) or one opened group (its
 * strongest members and their ties). Pure, so it is unit-tested.
 */

/** Sub-groups drawn one by one; the smallest beyond this are folded into one node. */
export const DRAWN_GROUPS = 60;
export const FOLDED_GROUPS_ID = "group:smaller";

export function groupNodeId(group: GroupOutline): string {
  return `group:${group.id}`;
}

/** "212 accounts · card 4111": the size and the identifier most of it shares. */
export function describeGroup(group: GroupOutline, map: MapOutline): string {
  const size = plural(group.size, "account");
  if (group.isLoose) return `${size} · no shared identifier`;
  const first = group.identifiers[0];
  const identifier = first === undefined ? undefined : map.attributes[first];
  return identifier ? `${size} · ${identifier.kind} ${identifier.value}` : size;
}

export function overviewModel(map: MapOutline, drawnGroups = DRAWN_GROUPS): GraphModel {
  const { drawn, folded } = splitGroups(map.groups, drawnGroups);
  const nodeOf = new Map<number, string>();
  const nodes: GraphNode[] = drawn.map((index) => {
    const group = map.groups[index]!;
    nodeOf.set(index, groupNodeId(group));
    return { id: groupNodeId(group), kind: "group", label: describeGroup(group, map), memberCount: group.size };
  });
  if (folded.length > 0) {
    const accounts = folded.reduce((sum, index) => sum + map.groups[index]!.size, 0);
    for (const index of folded) nodeOf.set(index, FOLDED_GROUPS_ID);
    nodes.push({ id: FOLDED_GROUPS_ID, kind: "group", label: `${folded.length} smaller groups · ${accounts.toLocaleString("en")} accounts`, memberCount: accounts });
  }
  const edges: GraphEdge[] = [];
  for (const binding of map.bindings) {
    const attribute = map.attributes[binding.attribute]!;
    nodes.push(attributeNode(attribute));
    const groupNodes = new Set(binding.groups.map((entry) => nodeOf.get(entry.group)!));
    for (const source of groupNodes) edges.push({ source, target: attribute.key, kind: "USES" });
  }
  return { nodes, edges };
}

/** One group opened: its sampled members and everything that ties them in. */
export function groupModel(group: OpenedGroup): GraphModel {
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  for (const sampled of group.sample) {
    const id = accountNodeId(sampled.account);
    nodes.set(id, { id, kind: "account", label: sampled.account });
    for (const tie of sampled.ties) {
      const attribute = group.attributes[tie]!;
      if (!nodes.has(attribute.key)) nodes.set(attribute.key, attributeNode(attribute));
      edges.push({ source: id, target: attribute.key, kind: "USES" });
    }
  }
  return { nodes: [...nodes.values()], edges };
}

/**
 * The members an investigator picked on the map: the accounts selected, and
 * the drawn members tied to a selected attribute. Groups and ids no longer
 * drawn pick nobody.
 */
export function pickedMembers(model: GraphModel, selectedIds: readonly string[]): Set<string> {
  const selected = new Set(selectedIds);
  const isAccount = new Set(model.nodes.filter((node) => node.kind === "account").map((node) => node.id));
  const picked = new Set<string>();
  const pick = (id: string) => {
    const ref = parseNodeId(id);
    if (ref.type === "account") picked.add(ref.accountId);
  };
  for (const id of selected) if (isAccount.has(id)) pick(id);
  for (const edge of model.edges) if (selected.has(edge.target) && isAccount.has(edge.source)) pick(edge.source);
  return picked;
}

/** The largest groups drawn, the loose group always among them; the rest folded. */
function splitGroups(groups: GroupOutline[], limit: number): { drawn: number[]; folded: number[] } {
  const indexes = groups.map((_, index) => index);
  if (groups.length <= limit) return { drawn: indexes, folded: [] };
  const loose = indexes.filter((index) => groups[index]!.isLoose);
  const joined = indexes.filter((index) => !groups[index]!.isLoose);
  const kept = limit - 1 - loose.length;
  return { drawn: [...joined.slice(0, kept), ...loose], folded: joined.slice(kept) };
}

function attributeNode(attribute: MapAttribute): GraphNode {
  return { id: attribute.key, kind: attribute.kind, label: attribute.value, accountCount: attribute.accounts };
}
