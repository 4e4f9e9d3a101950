import { readQuery } from "@/lib/neo4j";
import { LocalPageRank } from "./diffusion";
import { identifierKnitShare, seedsGroups, seedsIdentifierGroups } from "./knit";
import type { AccountLink } from "./links";
import { conductance, countInside, hasOwnTies, isOwned, JOIN_TIES, refineCut, type RefinedCut } from "./refine";
import { sweepCut } from "./sweep";

/**
 * From seeds to members. A local PageRank is pushed further and further (ε
 * lowered stage by stage); after each stage the sweep cut and its refinement
 * give the best-bounded set reached so far. The search stops at the first
 * bounded set, completed with the accounts on the attributes it owns (the
 * walk's ranks are rough at its edge), so a small ring costs a few hundred
 * reads and a campaign of tens of thousands as many stages as it needs.
 *
 * A seed with no bounded community around it (an office worker whose ties
 * to home and family outweigh those to the office; anyone behind a carrier
 * address) gets its tight cluster instead: the accounts sharing with a seed
 * a pair of its attributes that occur together far more often than chance
 * (an office's address and its email domain; a family's router and card).
 */
export interface DiscoveryOptions {
  seeds: string[];
  /** Teleport probability of the walk. */
  alpha: number;
  /** Budget: stop lowering ε once this many accounts have been read. */
  maxReached: number;
  /** Budget: at most this many stages (each lowers ε threefold). */
  maxStages: number;
  /** Accounts past the boundary to report. */
  nearMisses: number;
}

export interface Discovery {
  members: string[];
  conductance: number;
  /** Whether the members form a bounded community (else: the seeds' tight cluster). */
  bounded: boolean;
  /** Members per attribute key. */
  inside: Map<string, number>;
  links: Map<string, AccountLink[]>;
  /** Reached accounts just outside, in the order they nearly joined. */
  nearMisses: string[];
  /** The node id of each member and near miss, for reads that find them faster by it than by account_id. */
  nodes: Map<string, number>;
  population: number;
  stages: number;
  reached: number;
}

const FIRST_EPSILON = 1e-4;
const EPSILON_STEP = 3;
/**
 * A set is a bounded community when its conductance is at most this share of
 * what a random set of its size would have (1 - its share of the accounts):
 * a campaign scores about 0.05, a card ring 0.3, while a sub-group still tied
 * to the rest of its campaign, an office whose staff have homes and families,
 * or a quarter of the graph swept up around them score 0.4 and more.
 */
const BOUNDED_RATIO = 0.35;
/**
 * A looser bound for a ring: a set the walk could not widen (the same members
 * are the best set at two stages in a row, though the second spread the walk
 * three times further or more) and whose members its own cards, phones and
 * devices chain together. A card ring whose members also share a few VPN
 * exits with hundreds of strangers stays at 0.36–0.44 among a million
 * accounts, stage after stage; waiting for 0.35 read the whole budget (1.5
 * minutes) before falling back to the tight cluster. Both conditions matter:
 * a crowd behind a carrier address can also stay put under 0.45 (its
 * households' cards join a few at a time), and a proxy sub-group sits at
 * 0.57 and more. A household may pass as a ring; its risk stays low.
 */
const RING_BOUNDED_RATIO = 0.45;
/** A ring's identifiers must chain at least this share of its members. */
const RING_KNIT_SHARE = 0.75;
/** Completion rounds after a bounded set is found (each reads the users of the attributes it owns). */
const MAX_COMPLETION_ROUNDS = 3;
/** No community is larger than this share of all accounts. */
const MAX_POPULATION_SHARE = 0.25;

interface Stage extends RefinedCut {
  nearMisses: string[];
}

export async function discoverMembers(options: DiscoveryOptions): Promise<Discovery> {
  const population = await countAccounts();
  const walk = new LocalPageRank({ seeds: options.seeds, population, alpha: options.alpha });
  const fixed = new Set(options.seeds);
  const maxMembers = Math.max(options.seeds.length, Math.floor(population * MAX_POPULATION_SHARE));
  let stages = 0;
  let epsilon = FIRST_EPSILON;
  let previous: Stage | undefined;
  while (stages < options.maxStages) {
    stages++;
    await walk.settle(epsilon, options.maxReached);
    const stage = boundedSet(walk, options.seeds, maxMembers, fixed);
    const community = boundedCommunity(stage, previous, walk.links, population, options.seeds);
    if (community !== undefined) {
      const complete = await completeOverOwnedAttributes(community, walk, fixed, maxMembers);
      // A set the size cap cut (the sweep's or the completion's) is bounded by the cap, not by its own edge.
      if (complete.members.length < maxMembers) return result(complete, true, walk, population, stages, options);
    }
    previous = stage;
    if (walk.links.size >= options.maxReached) break;
    epsilon = await walk.nextEpsilon(epsilon / EPSILON_STEP);
    if (epsilon === 0) break;
  }
  const cluster = await tightCluster(options.seeds, walk, population);
  return result({ ...cluster, nearMisses: [] }, false, walk, population, stages, options);
}

function boundedSet(walk: LocalPageRank, seeds: string[], maxMembers: number, fixed: Set<string>): Stage {
  const sweep = sweepCut({ rank: walk.rank, links: walk.links, required: seeds, maxMembers, nearMisses: Number.MAX_SAFE_INTEGER });
  const refined = refineCut({ members: sweep.members, candidates: sweep.nearMisses, links: walk.links, fixed, maxMembers });
  return withNearMisses(seedsPart(refined, seeds, walk.links), [...refined.members, ...sweep.nearMisses]);
}

/** The part of a refined set that what it owns ties to the seeds (see seedsGroups); the rest leaves. */
function seedsPart(refined: RefinedCut, seeds: string[], links: Map<string, AccountLink[]>): RefinedCut {
  const members = seedsGroups(refined.members, seeds, links, refined.inside);
  return members.length === refined.members.length ? refined : cutOf(members, links);
}

/**
 * A stage's bounded community, if it has one: the part its cards, phones and
 * devices chain to the seeds when that part is bounded on its own (one of
 * two card rings a VPN exit joins), else the whole set when it is bounded.
 */
function boundedCommunity(stage: Stage, previous: Stage | undefined, links: Map<string, AccountLink[]>, population: number, seeds: string[]): Stage | undefined {
  const members = seedsIdentifierGroups(stage.members, seeds, links, stage.inside);
  if (members.length >= 2 && members.length < stage.members.length) {
    const core = cutOf(members, links);
    if (isBounded(core, undefined, links, population)) return withNearMisses(core, [...stage.members, ...stage.nearMisses]);
  }
  return isBounded(stage, previous, links, population) && isHeldBySeeds(stage, seeds, links) ? stage : undefined;
}

/**
 * Whether some seed is tied into the set as firmly as a joining account must
 * be. Seeds never leave a set, so a household member whose one tie beyond its
 * home is a VPN exit two card rings fill sits in the rings' bounded set; that
 * set is theirs, not the seed's campaign, and the search goes on. (The
 * identifier-chained part above always holds its seeds: a card counts two.)
 */
export function isHeldBySeeds(stage: RefinedCut, seeds: string[], links: Map<string, AccountLink[]>): boolean {
  return seeds.some((seed) => hasOwnTies(seed, links, stage.inside, true, JOIN_TIES));
}

function cutOf(members: string[], links: Map<string, AccountLink[]>): RefinedCut {
  const set = new Set(members);
  const inside = countInside(set, links);
  return { members, inside, conductance: conductance(set, links, inside) };
}

/** The stage with the candidates that are not members, in order and once each, as its near misses. */
function withNearMisses(cut: RefinedCut, candidates: string[]): Stage {
  const members = new Set(cut.members);
  return { ...cut, nearMisses: [...new Set(candidates)].filter((id) => !members.has(id)) };
}

/**
 * Whether a stage's set is a community: its conductance is within the bound
 * (a share of what a random set of its size would score), or within the
 * looser one for a ring the walk could not widen.
 */
export function isBounded(stage: RefinedCut, previous: RefinedCut | undefined, links: Map<string, AccountLink[]>, population: number): boolean {
  const randomSet = 1 - stage.members.length / population;
  if (stage.conductance <= BOUNDED_RATIO * randomSet) return true;
  return (
    stage.conductance <= RING_BOUNDED_RATIO * randomSet &&
    previous !== undefined &&
    sameMembers(stage, previous) &&
    identifierKnitShare(stage.members, links, stage.inside) >= RING_KNIT_SHARE
  );
}

function sameMembers(a: RefinedCut, b: RefinedCut): boolean {
  if (a.members.length !== b.members.length) return false;
  const members = new Set(a.members);
  return b.members.every((id) => members.has(id));
}

async function result(stage: Stage, bounded: boolean, walk: LocalPageRank, population: number, stages: number, options: DiscoveryOptions): Promise<Discovery> {
  const nearMisses = stage.nearMisses.slice(0, options.nearMisses);
  return {
    members: stage.members,
    conductance: stage.conductance,
    bounded,
    inside: stage.inside,
    links: walk.links,
    nearMisses,
    nodes: await walk.nodesOf([...stage.members, ...nearMisses]),
    population,
    stages,
    reached: walk.links.size,
  };
}

/** Attributes used by more accounts than this are hubs: sharing one says nothing about a tight cluster. */
const TIGHT_MAX_ACCOUNTS = 1_000;
/** A pair of attributes binds when it has this many times more co-users than independent use would give. */
const PAIR_LIFT = 3;

const pairSharersCypher = `
UNWIND $seeds AS seed
MATCH (:Account {account_id: seed})-[:USES]->(t:Attribute)
WHERE 1 < t.account_count <= $maxAccounts AND t.benign_marked_at IS NULL
WITH seed, collect(t) AS attributes
UNWIND attributes AS a
UNWIND attributes AS b
WITH a, b WHERE a.key < b.key
MATCH (a)<-[:USES]-(other:Account)-[:USES]->(b)
WITH a, b, collect(other.account_id) AS sharers
WHERE size(sharers) >= 2 AND size(sharers) >= $lift * a.account_count * b.account_count / $population
UNWIND sharers AS id
RETURN collect(DISTINCT id) AS ids`;

/** The seeds and every account sharing a binding pair of attributes with one of them. */
async function tightCluster(seeds: string[], walk: LocalPageRank, population: number): Promise<RefinedCut> {
  const [row] = await readQuery<{ ids: string[] }>(pairSharersCypher, { seeds, maxAccounts: TIGHT_MAX_ACCOUNTS, lift: PAIR_LIFT, population });
  const members = [...new Set([...seeds, ...(row?.ids ?? [])])];
  await walk.readLinks(members);
  return refineCut({ members, candidates: [], links: walk.links, fixed: new Set(members), maxMembers: members.length });
}

async function countAccounts(): Promise<number> {
  const [row] = await readQuery<{ accounts: number }>("MATCH (a:Account) RETURN count(a) AS accounts");
  return row?.accounts ?? 0;
}

const outsideOwnersCypher = `
UNWIND $keys AS key
MATCH (:Attribute {key: key})<-[:USES]-(a:Account)
WHERE NOT a.account_id IN $members
RETURN collect(DISTINCT a.account_id) AS ids`;

/** Offers the refinement every outsider on an attribute the set owns, until none joins. */
async function completeOverOwnedAttributes(
  stage: Stage,
  walk: LocalPageRank,
  fixed: Set<string>,
  maxMembers: number,
): Promise<Stage> {
  let current = stage;
  // Outsiders the last round's refinement turned down against the very members it left.
  let declined = new Set<string>();
  for (let round = 0; round < MAX_COMPLETION_ROUNDS; round++) {
    const outsiders = await outsidersOn(ownedKeys(current, walk.links), current.members, walk);
    if (outsiders.length === 0) break;
    // Offered again, they would be judged against the same set and decline again (the refinement had settled).
    if (outsiders.every((id) => declined.has(id))) return withNearMisses(current, [...outsiders, ...current.nearMisses]);
    await walk.readLinks(outsiders);
    const refined = refineCut({ members: current.members, candidates: outsiders, links: walk.links, fixed, maxMembers });
    const kept = seedsPart(refined, [...fixed], walk.links);
    const joined = kept.members.length - current.members.length;
    current = withNearMisses(kept, [...refined.members, ...outsiders, ...current.nearMisses]);
    declined = kept === refined && refined.settled ? new Set(outsiders) : new Set();
    if (joined <= 0) break;
  }
  return current;
}

/**
 * Accounts on any of the keys that are not members. Most keys a large
 * campaign owns were pushed by the walk, whose users are known: only the
 * others are read (for 24,000 members, two reads of 0.6–0.7 s each saved).
 */
async function outsidersOn(keys: string[], members: string[], walk: LocalPageRank): Promise<string[]> {
  const memberSet = new Set(members);
  const outsiders = new Set<string>();
  const unread: string[] = [];
  const pushed = await walk.usersOf(keys);
  for (const key of keys) {
    const users = pushed.get(key);
    if (users === undefined) unread.push(key);
    else for (const id of users) if (!memberSet.has(id)) outsiders.add(id);
  }
  if (unread.length > 0) {
    const [row] = await readQuery<{ ids: string[] }>(outsideOwnersCypher, { keys: unread, members });
    for (const id of row?.ids ?? []) outsiders.add(id);
  }
  return [...outsiders];
}

function ownedKeys(stage: RefinedCut, links: Map<string, AccountLink[]>): string[] {
  const owned = new Set<string>();
  for (const id of stage.members) {
    for (const link of links.get(id) ?? []) if (isOwned(link, stage.inside)) owned.add(link.key);
  }
  return [...owned];
}
