/**
 * Maximum-weight bipartite b-matching (each left node at most once, each right node at most its
 * capacity) by min-cost flow: successive shortest paths with Johnson potentials and a binary-heap
 * Dijkstra. Source → left (cap 1, cost 0), left → right (cap 1, cost −weight), right → sink
 * (cap = capacity, cost 0). Augmenting stops at the first shortest path whose cost is not negative:
 * path costs never fall along successive shortest paths, so the flow then has the least cost of any
 * flow of any size — the largest total weight, not the largest number of pairs.
 *
 * Exact over the edges it is given; weights must be integers so no rounding can hide a better answer.
 */

export interface WeightedEdge {
  readonly left: number;
  readonly right: number;
  readonly weight: number;
}

export interface AssignmentProblem {
  readonly leftCount: number;
  readonly rightCapacities: readonly number[];
  readonly edges: readonly WeightedEdge[];
}

/** The right node of each left node, or -1 when left unassigned. */
export interface Assignment {
  readonly rightOf: Int32Array;
  readonly totalWeight: number;
}

export function maxWeightAssignment(problem: AssignmentProblem): Assignment {
  const L = problem.leftCount;
  const R = problem.rightCapacities.length;
  const source = L + R;
  const sink = source + 1;
  const n = sink + 1;
  const edgeCount = 2 * (L + R + problem.edges.length);
  // Residual graph as flat arrays: forward edge e, its reverse e ^ 1.
  const to = new Int32Array(edgeCount);
  const cap = new Int32Array(edgeCount);
  const cost = new Float64Array(edgeCount);
  const next = new Int32Array(edgeCount);
  const head = new Int32Array(n).fill(-1);
  let m = 0;
  const add = (u: number, v: number, c: number, w: number): void => {
    to[m] = v; cap[m] = c; cost[m] = w; next[m] = head[u]!; head[u] = m++;
    to[m] = u; cap[m] = 0; cost[m] = -w; next[m] = head[v]!; head[v] = m++;
  };
  for (let i = 0; i < L; i++) add(source, i, 1, 0);
  for (let j = 0; j < R; j++) {
    const c = problem.rightCapacities[j]!;
    if (!Number.isInteger(c) || c < 0) throw new Error(`Capacity must be a non-negative integer, got ${c}`);
    add(L + j, sink, c, 0);
  }
  for (const e of problem.edges) {
    if (!Number.isInteger(e.weight)) throw new Error(`Weights must be integers, got ${e.weight}`);
    if (e.weight <= 0) continue; // never improves the total
    add(e.left, L + e.right, 1, -e.weight);
  }

  // Initial potentials: the graph is a DAG (source → left → right → sink), so shortest distances are one pass.
  const potential = new Float64Array(n);
  for (let j = 0; j < R; j++) potential[L + j] = 0;
  for (let i = 0; i < L; i++) {
    for (let e = head[i]!; e !== -1; e = next[e]!) {
      if ((e & 1) === 0 && cost[e]! < potential[to[e]!]!) potential[to[e]!] = cost[e]!;
    }
  }
  let sinkPotential = 0;
  for (let j = 0; j < R; j++) if (problem.rightCapacities[j]! > 0 && potential[L + j]! < sinkPotential) sinkPotential = potential[L + j]!;
  potential[sink] = sinkPotential;

  const dist = new Float64Array(n);
  const viaEdge = new Int32Array(n);
  const done = new Uint8Array(n);
  const heap = new MinHeap(n);
  let total = 0;
  for (;;) {
    dist.fill(Number.POSITIVE_INFINITY);
    done.fill(0);
    viaEdge.fill(-1);
    dist[source] = 0;
    heap.clear();
    heap.push(source, 0);
    while (heap.size > 0) {
      const u = heap.pop();
      if (done[u]) continue;
      done[u] = 1;
      // Nothing later can shorten the path to the sink; potentials below cap every distance at it.
      if (u === sink) break;
      const du = dist[u]!;
      const pu = potential[u]!;
      for (let e = head[u]!; e !== -1; e = next[e]!) {
        if (cap[e] === 0) continue;
        const v = to[e]!;
        if (done[v]) continue;
        const nd = du + cost[e]! + pu - potential[v]!;
        if (nd < dist[v]! - 1e-9) {
          dist[v] = nd;
          viaEdge[v] = e;
          heap.push(v, nd);
        }
      }
    }
    if (dist[sink] === Number.POSITIVE_INFINITY) break;
    const pathCost = dist[sink]! + potential[sink]! - potential[source]!;
    if (pathCost >= 0) break;
    // p += min(dist, dist[sink]) keeps every residual reduced cost non-negative, also for nodes
    // the early-stopped search did not settle or never reached.
    const reach = dist[sink]!;
    for (let v = 0; v < n; v++) potential[v] = potential[v]! + (dist[v]! < reach ? dist[v]! : reach);
    for (let v = sink; v !== source; v = to[viaEdge[v]! ^ 1]!) {
      const e = viaEdge[v]!;
      cap[e] = cap[e]! - 1;
      cap[e ^ 1] = cap[e ^ 1]! + 1;
    }
    total -= pathCost;
  }

  const rightOf = new Int32Array(L).fill(-1);
  for (let i = 0; i < L; i++) {
    for (let e = head[i]!; e !== -1; e = next[e]!) {
      // A used forward left → right edge has no capacity left.
      if ((e & 1) === 0 && to[e]! >= L && to[e]! < source && cap[e] === 0) rightOf[i] = to[e]! - L;
    }
  }
  return { rightOf, totalWeight: Math.round(total) };
}

/** Binary heap of (node, key) with lazy deletion: stale entries are skipped by the caller. */
class MinHeap {
  private nodes: Int32Array;
  private keys: Float64Array;
  size = 0;
  constructor(capacity: number) {
    this.nodes = new Int32Array(Math.max(16, capacity));
    this.keys = new Float64Array(Math.max(16, capacity));
  }
  clear(): void {
    this.size = 0;
  }
  push(node: number, key: number): void {
    if (this.size === this.nodes.length) {
      const nodes = new Int32Array(this.size * 2);
      nodes.set(this.nodes);
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.nodes = nodes;
      this.keys = keys;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.nodes[i] = this.nodes[parent]!;
      this.keys[i] = this.keys[parent]!;
      i = parent;
    }
    this.nodes[i] = node;
    this.keys[i] = key;
  }
  pop(): number {
    const top = this.nodes[0]!;
    const lastNode = this.nodes[--this.size]!;
    const lastKey = this.keys[this.size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.keys[child + 1]! < this.keys[child]!) child++;
      if (this.keys[child]! >= lastKey) break;
      this.nodes[i] = this.nodes[child]!;
      this.keys[i] = this.keys[child]!;
      i = child;
    }
    this.nodes[i] = lastNode;
    this.keys[i] = lastKey;
    return top;
  }
}

/** The baseline the optimum is measured against: take the heaviest edge left that still fits, until none does. */
export function greedyAssignment(problem: AssignmentProblem): Assignment {
  const order = problem.edges
    .map((e, index) => ({ e, index }))
    .filter(({ e }) => e.weight > 0)
    .sort((a, b) => b.e.weight - a.e.weight || a.index - b.index);
  const left = new Int32Array(problem.leftCount).fill(-1);
  const room = problem.rightCapacities.slice();
  let total = 0;
  for (const { e } of order) {
    if (left[e.left] !== -1 || room[e.right]! <= 0) continue;
    left[e.left] = e.right;
    room[e.right] = room[e.right]! - 1;
    total += e.weight;
  }
  return { rightOf: left, totalWeight: total };
}
