import { readQueriesSideBySide, readQueryInSlices } from "@/lib/neo4j";
import { accountDegree, degreeShare, KeyPool, linkWeight, readAccountLinks, type AccountLink } from "./links";
import { WalkAccounts } from "./walk-accounts";

/**
 * Personalised PageRank from the seeds, by local push (Andersen, Chung and
 * Lang): mass leaves an account over its shared attributes in proportion
 * to how informative each is (see linkWeight) and an attribute hands it
 * evenly to all its accounts. A hub (a carrier NAT
 * address, a webmail domain) splits what it receives over thousands of
 * accounts, so each gets almost nothing: hubs are damped by the walk itself,
 * with no threshold to tune per scenario. Only nodes holding enough residual
 * mass are pushed, so the work stays around the seeds' community.
 *
 * Node keeps the score vectors between rounds and the neighbourhoods it has
 * read (the links of pushed accounts, the accounts of pushed attributes);
 * every read and every degree sum runs in Neo4j, and only around the walk.
 */
export interface DiffusionOptions {
  seeds: string[];
  /** Accounts in the graph, for the links' weights. */
  population: number;
  /** Teleport probability: higher keeps the mass closer to the seeds. */
  alpha: number;
}

// Node reads an account's links only once it holds enough mass for its
// degree to be pushed: most accounts a large attribute touches never are.
// Their weighted degree is summed in the database, next to the account, once
// per walk, and only when the mass it holds could make it pushable: until
// then the attributes that touched it give a floor (each adds its share of
// the degree, once), and an account below ε × its floor cannot be pushed.
// Reading every touched account's degree cost a benign seed among a million
// accounts most of its time (874,000 reads, 28 s); a floor of only the
// largest share still read 570,000 for an office worker (15 s), the sum
// 324,000 (8 s). The floor is a sum in JavaScript and the degree one in
// Cypher, so with all of an account's attributes pushed they may differ in
// the last bit: the walk would then skip an account whose mass is within a
// rounding error of ε × its degree, as a slightly different ε would. The
// weight is linkWeight's formula (links.ts); keep them equal.
// Users and degrees go by node id (see walk-accounts.ts), as floats, which
// the driver decodes without an object per value. A hub's users come in rows
// of USERS_PER_ROW: the driver reads a row that spans several network chunks
// byte by byte through a list of the chunks, so one row of a 400,000-user
// hub cost seconds to decode.
const usersCypher = `
UNWIND $keys AS key
MATCH (:Attribute {key: key})<-[:USES]-(a:Account)
WITH key, collect(toFloat(id(a))) AS nodes
UNWIND range(0, size(nodes) - 1, $perRow) AS start
RETURN key, nodes[start..start + $perRow] AS nodes`;

const USERS_PER_ROW = 1_000;

const degreesCypher = `
UNWIND $nodes AS node
MATCH (a:Account)-[:USES]->(t:Attribute)
WHERE id(a) = toInteger(node) AND t.account_count > 1 AND t.benign_marked_at IS NULL
WITH node, toFloat(t.account_count) AS n
RETURN node, sum(log(CASE WHEN $population > n THEN $population ELSE n + 1 END / n) * (n - 1) / n) AS degree`;

const nodesOfIdsCypher = `
UNWIND $ids AS id
MATCH (a:Account {account_id: id})
RETURN id, toFloat(id(a)) AS node`;

const idsOfNodesCypher = `
UNWIND $nodes AS node
MATCH (a:Account) WHERE id(a) = toInteger(node)
RETURN node, a.account_id AS id`;

/** Accounts one read of attributes' users may return: larger reads are split, so no query runs into the timeout. */
const ACCOUNTS_PER_READ = 50_000;

// A stage stops after this many rounds even if mass is still moving: late
// rounds move crumbs, and the sweep needs an ordering, not exact ranks.
const MAX_ROUNDS_PER_STAGE = 40;

/**
 * Both residual vectors live across rounds and stages: mass too small to
 * push waits until more arrives or ε is lowered, so a lower ε continues the
 * work instead of redoing it. An attribute is pushed only once each of its
 * accounts would receive ε, so a hub is read rarely, and never for crumbs.
 */
export class LocalPageRank {
  /** Settled mass per pushed account. */
  readonly rank = new Map<string, number>();
  /** Links of every account that was pushed or nearly so (the sweep and the evidence reuse them). */
  readonly links = new Map<string, AccountLink[]>();
  rounds = 0;
  /** Residual mass, degree (read, or its floor) and whether links were read, per account. */
  private readonly accounts = new WalkAccounts();
  private readonly attributeResidual = new Map<string, { accounts: number; mass: number }>();
  /**
   * The accounts (interned) of every attribute pushed so far. Each stage
   * pushes the campaign's attributes again with the mass that reached them
   * since; spreading that locally saves reading a whole campaign once per stage.
   */
  private readonly users = new Map<string, Int32Array>();
  /** Every attribute key the links read, once (see KeyPool). */
  private readonly keys = new KeyPool();

  private seedsPlaced = false;

  constructor(private readonly options: DiffusionOptions) {}

  /** Gives the seeds their mass, in the order given (once; their node ids need a read). */
  private async placeSeeds(): Promise<void> {
    if (this.seedsPlaced) return;
    this.seedsPlaced = true;
    const { seeds } = this.options;
    for (const index of await this.indexesOf(seeds)) this.accounts.setResidual(index, 1 / seeds.length);
  }

  /** Pushes until no node holds ε of residual per unit of degree, or until the links of `maxReached` accounts have been read (the caller's budget). */
  async settle(epsilon: number, maxReached: number): Promise<void> {
    await this.placeSeeds();
    for (let round = 0; round < MAX_ROUNDS_PER_STAGE && this.links.size < maxReached; round++) {
      await this.fetchMissingLinks(epsilon);
      const pushedAccounts = this.pushAccounts(epsilon);
      const pushedAttributes = await this.pushAttributes(epsilon);
      if (pushedAccounts === 0 && pushedAttributes === 0) return;
      this.rounds++;
    }
  }

  /** The accounts of each of `keys` the walk pushed, as read then; keys it never pushed are absent. */
  async usersOf(keys: string[]): Promise<Map<string, string[]>> {
    const pushed = keys.filter((key) => this.users.has(key));
    const unnamed = new Set<number>();
    for (const key of pushed) for (const index of this.users.get(key) ?? []) if (this.accounts.idOf(index) === undefined) unnamed.add(index);
    await this.readIds([...unnamed]);
    return new Map(pushed.map((key) => [key, Array.from(this.users.get(key) ?? [], (index) => this.accounts.idOf(index) ?? "").filter(Boolean)]));
  }

  /** The node ids of accounts by account_id (ids that name no account are left out): the walk has read nearly all it is asked for. */
  async nodesOf(ids: string[]): Promise<Map<string, number>> {
    const indexes = await this.indexesOf(ids);
    return new Map(indexes.map((index) => [this.accounts.idOf(index) ?? "", this.accounts.nodeOf(index)]));
  }

  /** The indexes of accounts by account_id, in the order given (ids that name no account are left out). */
  private async indexesOf(ids: string[]): Promise<number[]> {
    const unknown = ids.filter((id) => this.accounts.indexOfId(id) === undefined);
    if (unknown.length > 0) {
      const rows = await readQueryInSlices<{ id: string; node: number }>(nodesOfIdsCypher, { ids: unknown }, "ids");
      for (const row of rows) this.accounts.name(this.accounts.intern(row.node), row.id);
    }
    return ids.map((id) => this.accounts.indexOfId(id)).filter((index): index is number => index !== undefined);
  }

  /** Reads the account_id of accounts known only by node id. */
  private async readIds(indexes: number[]): Promise<void> {
    if (indexes.length === 0) return;
    const rows = await readQueryInSlices<{ node: number; id: string }>(idsOfNodesCypher, { nodes: indexes.map((index) => this.accounts.nodeOf(index)) }, "nodes");
    for (const row of rows) this.accounts.name(this.accounts.intern(row.node), row.id);
  }

  /** Links of the accounts that are pushable now (the seeds, whose degree nobody reported, always are). */
  private async fetchMissingLinks(epsilon: number): Promise<void> {
    await this.readDegrees(this.unreadWhere((upperBound) => upperBound >= epsilon));
    const pushable: number[] = [];
    for (const index of this.accounts.withResidual()) {
      if (!this.accounts.isLinked(index) && this.accounts.residualOf(index) >= epsilon * this.accounts.pushDegree(index)) pushable.push(index);
    }
    await this.readLinksOf(pushable);
  }

  /** Touched accounts whose degree is unread and whose mass per unit of their floor passes the test. */
  private unreadWhere(test: (upperBound: number) => boolean): number[] {
    const unread: number[] = [];
    for (const index of this.accounts.withResidual()) if (this.accounts.hasFloor(index) && test(this.accounts.upperBound(index))) unread.push(index);
    return unread;
  }

  /**
   * The largest ε, at most `cap`, at which some waiting mass would move: 0
   * once nothing is left to spread. In a dense campaign whose accounts each
   * carry many heavy ties, every account's share stays below ε × its degree
   * for several threefold steps; the next stage can start here instead of
   * stepping through stages that push nothing. Degrees are read only for
   * accounts whose floor leaves them a chance to beat the others.
   */
  async nextEpsilon(cap: number): Promise<number> {
    let next = 0;
    for (const index of this.accounts.withResidual()) if (!this.accounts.hasFloor(index)) next = Math.max(next, this.accounts.upperBound(index));
    for (const { accounts, mass } of this.attributeResidual.values()) next = Math.max(next, mass / accounts);
    if (next >= cap) return cap;
    const contenders = this.unreadWhere((upperBound) => upperBound > next);
    await this.readDegrees(contenders);
    for (const index of contenders) next = Math.max(next, this.accounts.upperBound(index));
    return Math.min(next, cap);
  }

  /** Reads the links of those of `ids` whose links are not known yet (discovery also asks for accounts the walk never pushed). */
  async readLinks(ids: string[]): Promise<void> {
    const missing = ids.filter((id) => !this.links.has(id));
    if (missing.length === 0) return;
    await this.readLinksOf(await this.indexesOf(missing));
  }

  /**
   * Reads the links of the given accounts, in the order given. An account
   * that no longer exists (deleted since its attribute's users were read)
   * drops the mass it held.
   */
  private async readLinksOf(indexes: number[]): Promise<void> {
    if (indexes.length === 0) return;
    const fetched = await readAccountLinks(indexes.map((index) => this.accounts.nodeOf(index)), this.options.population, this.keys);
    const byNode = new Map(fetched.map((account) => [account.node, account]));
    for (const index of indexes) {
      const account = byNode.get(this.accounts.nodeOf(index));
      if (account === undefined) {
        this.accounts.takeResidual(index);
        continue;
      }
      this.accounts.name(index, account.id);
      this.links.set(account.id, account.links);
      this.accounts.setDegree(index, accountDegree(account.links));
      this.accounts.markLinked(index);
    }
  }

  /** Settles α of each pushable account's residual and sends the rest to its attributes by weight. */
  private pushAccounts(epsilon: number): number {
    const { alpha } = this.options;
    let pushed = 0;
    for (const index of this.accounts.withResidual()) {
      if (!this.accounts.isLinked(index) || this.accounts.residualOf(index) < epsilon * this.accounts.pushDegree(index)) continue;
      // A linked account's account_id is known: its links read named it.
      const id = this.accounts.idOf(index) ?? "";
      const own = this.links.get(id) ?? [];
      const mass = this.accounts.takeResidual(index);
      this.rank.set(id, (this.rank.get(id) ?? 0) + alpha * mass);
      const totalWeight = own.reduce((sum, link) => sum + link.weight, 0);
      for (const link of own) this.addToAttribute(link, ((1 - alpha) * mass * link.weight) / totalWeight);
      pushed++;
    }
    return pushed;
  }

  private addToAttribute(link: AccountLink, mass: number): void {
    const entry = this.attributeResidual.get(link.key) ?? { accounts: link.accounts, mass: 0 };
    entry.mass += mass;
    this.attributeResidual.set(link.key, entry);
  }

  /** Each pushable attribute hands its mass evenly to all its accounts. */
  private async pushAttributes(epsilon: number): Promise<number> {
    const pushes: Push[] = [];
    for (const [key, { accounts, mass }] of this.attributeResidual) {
      if (mass < epsilon * accounts) continue;
      pushes.push({ key, share: mass / accounts, accounts });
      this.attributeResidual.delete(key);
    }
    const firstPushes = pushes.filter((push) => !this.users.has(push.key));
    await this.readUsers(firstPushes);
    const first = new Set(firstPushes.map((push) => push.key));
    for (const push of pushes) {
      const users = this.users.get(push.key) ?? [];
      for (const index of users) this.accounts.addResidual(index, push.share);
      // An attribute adds its share of the degree to its users' floors once, at its first push.
      if (!first.has(push.key)) continue;
      const share = degreeShare(linkWeight(push.accounts, this.options.population), push.accounts);
      for (const index of users) this.accounts.addToFloor(index, share);
    }
    return pushes.length;
  }

  /**
   * Reads side by side, then interns chunk by chunk in the order the rows
   * came, as reads one after another would: accounts get the same indexes
   * whichever read answers first.
   */
  private async readUsers(pushes: Push[]): Promise<void> {
    const chunks = [...chunksOfAccounts(pushes)];
    const read = await readQueriesSideBySide<{ key: string; nodes: number[] }>(
      usersCypher,
      chunks.map((chunk) => ({ keys: chunk.map((push) => push.key), perRow: USERS_PER_ROW })),
    );
    chunks.forEach((chunk, i) => {
      for (const push of chunk) this.users.set(push.key, new Int32Array(0));
      for (const [key, nodes] of joinRows(read[i] ?? [])) this.users.set(key, Int32Array.from(nodes, (node) => this.accounts.intern(node)));
    });
  }

  private async readDegrees(indexes: number[]): Promise<void> {
    if (indexes.length === 0) return;
    const nodes = indexes.map((index) => this.accounts.nodeOf(index));
    const rows = await readQueryInSlices<{ node: number; degree: number }>(degreesCypher, { nodes, population: this.options.population }, "nodes");
    for (const index of indexes) this.accounts.setDegree(index, 0);
    for (const row of rows) this.accounts.setDegree(this.accounts.intern(row.node), row.degree);
  }
}

interface Push {
  key: string;
  share: number;
  accounts: number;
}

/** Each key's users, from its consecutive rows (see usersCypher), keys in the order the rows give them. */
function joinRows(rows: { key: string; nodes: number[] }[]): Map<string, number[]> {
  const joined = new Map<string, number[]>();
  for (const row of rows) {
    const nodes = joined.get(row.key);
    if (nodes === undefined) joined.set(row.key, row.nodes);
    else for (const node of row.nodes) nodes.push(node);
  }
  return joined;
}

/** Consecutive groups of pushes touching at most ACCOUNTS_PER_READ accounts (a larger attribute goes alone). */
function* chunksOfAccounts(pushes: Push[]): Generator<Push[]> {
  let chunk: Push[] = [];
  let accounts = 0;
  for (const push of pushes) {
    if (chunk.length > 0 && accounts + push.accounts > ACCOUNTS_PER_READ) {
      yield chunk;
      chunk = [];
      accounts = 0;
    }
    chunk.push(push);
    accounts += push.accounts;
  }
  if (chunk.length > 0) yield chunk;
}
