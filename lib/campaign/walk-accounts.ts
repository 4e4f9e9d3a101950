import { NodeIdIndex } from "./node-id-index";

/**
 * The walk's per-account numbers, in typed arrays indexed by an interned id.
 * A search from a benign seed among a million accounts touches millions of
 * accounts, and an attribute pushed to 100,000 users used to cost several
 * string-keyed map operations per user; here it costs array reads.
 *
 * Accounts are interned by their node id, which the reads of attributes'
 * users return instead of account ids: a number decodes and hashes several
 * times faster than a string, and the database need not read the
 * account_id of millions of accounts the walk only touches. An account's
 * account_id is recorded once something reads it (its links, or a lookup).
 *
 * The accounts holding residual mass are kept in a map's iteration order
 * (insertion order; one removed and added again goes last), because the walk
 * sums mass in that order and a different order would change the last bits
 * of the ranks.
 */
export class WalkAccounts {
  private readonly indexOfNode = new NodeIdIndex();
  private readonly indexOfAccountId = new Map<string, number>();
  private readonly nodes: number[] = [];
  private readonly accountIds: (string | undefined)[] = [];
  private capacity = 1024;
  private residual = new Float64Array(this.capacity);
  /** NaN: not read. */
  private degree = new Float64Array(this.capacity).fill(Number.NaN);
  /** A lower bound on an unread degree; NaN: none. */
  private floor = new Float64Array(this.capacity).fill(Number.NaN);
  /** 1 once the account's links are read. */
  private linked = new Uint8Array(this.capacity);
  /** The residual list: neighbours in order, NOT_LISTED when the account holds no residual. */
  private next = new Int32Array(this.capacity).fill(NOT_LISTED);
  private previous = new Int32Array(this.capacity).fill(NOT_LISTED);
  private head = END;
  private tail = END;

  /** The index of an account, by node id, given on first sight. */
  intern(node: number): number {
    const known = this.indexOfNode.get(node);
    if (known !== undefined) return known;
    const index = this.nodes.length;
    if (index === this.capacity) this.grow();
    this.nodes.push(node);
    this.accountIds.push(undefined);
    this.indexOfNode.add(node, index);
    return index;
  }

  /** Records the account_id of an interned account. */
  name(index: number, accountId: string): void {
    this.accountIds[index] = accountId;
    this.indexOfAccountId.set(accountId, index);
  }

  /** The account's account_id, if it has been read. */
  idOf(index: number): string | undefined {
    return this.accountIds[index];
  }

  nodeOf(index: number): number {
    return this.nodes[index] ?? -1;
  }

  /** The index of an account whose account_id has been read. */
  indexOfId(accountId: string): number | undefined {
    return this.indexOfAccountId.get(accountId);
  }

  /** Accounts holding residual mass, in the order they came to hold it. The current one may be taken while iterating. */
  *withResidual(): Generator<number> {
    for (let index = this.head; index !== END; ) {
      const after = this.next[index] ?? END;
      yield index;
      index = after;
    }
  }

  residualOf(index: number): number {
    return this.residual[index] ?? 0;
  }

  setResidual(index: number, mass: number): void {
    if (!this.isListed(index)) this.append(index);
    this.residual[index] = mass;
  }

  addResidual(index: number, mass: number): void {
    if (this.isListed(index)) this.residual[index] = (this.residual[index] ?? 0) + mass;
    else this.setResidual(index, mass);
  }

  /** Removes the account's residual and returns it. */
  takeResidual(index: number): number {
    const mass = this.residual[index] ?? 0;
    this.unlink(index);
    this.residual[index] = 0;
    return mass;
  }

  hasDegree(index: number): boolean {
    return !Number.isNaN(this.degree[index] ?? Number.NaN);
  }

  setDegree(index: number, degree: number): void {
    this.degree[index] = degree;
    this.floor[index] = Number.NaN;
  }

  /** Adds an attribute's share to the floor of an account whose degree is unread. */
  addToFloor(index: number, share: number): void {
    if (this.hasDegree(index)) return;
    const floor = this.floor[index] ?? Number.NaN;
    this.floor[index] = (Number.isNaN(floor) ? 0 : floor) + share;
  }

  hasFloor(index: number): boolean {
    return !Number.isNaN(this.floor[index] ?? Number.NaN);
  }

  /** The degree residual is measured against: the read one, else the floor; at least 1 (the seeds' degree is nobody's report). */
  pushDegree(index: number): number {
    const degree = this.degree[index] ?? Number.NaN;
    if (!Number.isNaN(degree)) return Math.max(1, degree);
    const floor = this.floor[index] ?? Number.NaN;
    return Number.isNaN(floor) ? 1 : Math.max(1, floor);
  }

  /** The most the account's residual per unit of degree can be, given its floor. */
  upperBound(index: number): number {
    return this.residualOf(index) / this.pushDegree(index);
  }

  isLinked(index: number): boolean {
    return this.linked[index] === 1;
  }

  markLinked(index: number): void {
    this.linked[index] = 1;
  }

  private isListed(index: number): boolean {
    return this.next[index] !== NOT_LISTED;
  }

  private append(index: number): void {
    this.previous[index] = this.tail;
    this.next[index] = END;
    if (this.tail === END) this.head = index;
    else this.next[this.tail] = index;
    this.tail = index;
  }

  private unlink(index: number): void {
    if (!this.isListed(index)) return;
    const before = this.previous[index] ?? END;
    const after = this.next[index] ?? END;
    if (before === END) this.head = after;
    else this.next[before] = after;
    if (after === END) this.tail = before;
    else this.previous[after] = before;
    this.next[index] = NOT_LISTED;
    this.previous[index] = NOT_LISTED;
  }

  private grow(): void {
    const size = this.capacity * 2;
    this.residual = copyInto(new Float64Array(size), this.residual);
    this.degree = copyInto(new Float64Array(size).fill(Number.NaN), this.degree);
    this.floor = copyInto(new Float64Array(size).fill(Number.NaN), this.floor);
    this.linked = copyInto(new Uint8Array(size), this.linked);
    this.next = copyInto(new Int32Array(size).fill(NOT_LISTED), this.next);
    this.previous = copyInto(new Int32Array(size).fill(NOT_LISTED), this.previous);
    this.capacity = size;
  }
}

/** Ends of the residual list. */
const END = -1;
const NOT_LISTED = -2;

function copyInto<T extends Float64Array | Int32Array | Uint8Array>(target: T, source: T): T {
  target.set(source);
  return target;
}
