// Cycles per strongly connected component. dependency-cruiser's `circular` rules report every edge
// that lies on a cycle, so one knot of 50 modules shows as hundreds of violations; this post-pass
// over a cruise result reports each knot once, with a small set of edges whose removal breaks it.
import { ERASED_AT_RUNTIME, ORM_ENTITY } from './patterns.mjs';

const ERASED = new Set(ERASED_AT_RUNTIME);

/**
 * The knots (import cycles) of a cruise, one per strongly connected component.
 *
 * - `runtime` knots are components of the graph of runtime imports (an edge whose every import is
 *   `type-only`/`pre-compilation-only` is left out); `cut` lists the imports to remove, invert or
 *   turn into `import type`.
 * - `type-only` knots are components of the full graph in which the runtime imports form no cycle.
 *   A component that contains a runtime knot is reported through that runtime knot only.
 *
 * Modules matching `pathNot` (by default ORM entities and models, as `no-circular-runtime`) are
 * left out. Output is sorted and independent of module order in the input.
 *
 * @param {{ modules: ReadonlyArray<{ source: string, dependencies: ReadonlyArray<{ resolved: string, dependencyTypes?: readonly string[], coreModule?: boolean, couldNotResolve?: boolean }> }> } | { output: unknown }} result
 * @param {{ pathNot?: string | RegExp | null }} [options]
 */
export function findKnots(result, options = {}) {
  const modules = getModules(result);
  const pathNot = options.pathNot === undefined ? new RegExp(ORM_ENTITY) : options.pathNot && new RegExp(options.pathNot);
  const included = (source) => !pathNot || !pathNot.test(source);

  const sources = new Set(modules.map((module) => module.source).filter(included));
  /** @type {Map<string, Map<string, boolean>>} from → to → has a runtime import */
  const edges = new Map([...sources].sort().map((source) => [source, new Map()]));
  for (const module of modules) {
    const targets = edges.get(module.source);
    if (!targets) continue;
    for (const dependency of module.dependencies) {
      if (dependency.coreModule || dependency.couldNotResolve || !sources.has(dependency.resolved)) continue;
      const runtime = !(dependency.dependencyTypes ?? []).some((type) => ERASED.has(type));
      targets.set(dependency.resolved, (targets.get(dependency.resolved) ?? false) || runtime);
    }
  }
  for (const [from, targets] of edges) edges.set(from, new Map([...targets].sort(([left], [right]) => compare(left, right))));

  const runtimeGraph = new Map([...edges].map(([from, targets]) => [from, [...targets].filter(([, runtime]) => runtime).map(([to]) => to)]));
  const fullGraph = new Map([...edges].map(([from, targets]) => [from, [...targets.keys()]]));

  const runtimeKnots = cyclicComponents(runtimeGraph);
  const inRuntimeKnot = new Set(runtimeKnots.flat());
  const typeOnlyKnots = cyclicComponents(fullGraph).filter((component) => !component.some((source) => inRuntimeKnot.has(source)));

  return [
    ...runtimeKnots.map((component) => toKnot('runtime', component, runtimeGraph)),
    ...typeOnlyKnots.map((component) => toKnot('type-only', component, fullGraph)),
  ];
}

/**
 * One line per knot, for reports: "a runtime knot of 4 modules (5 imports); cutting these 2 imports
 * breaks it: a.ts → b.ts, c.ts → a.ts."
 * @param {{ kind: string, modules: readonly string[], edgeCount: number, cut: ReadonlyArray<{ from: string, to: string }> }} knot
 */
export function describeKnot(knot) {
  const imports = knot.cut.map(({ from, to }) => `${from} → ${to}`).join(', ');
  const these = knot.cut.length === 1 ? 'this import' : `these ${knot.cut.length} imports`;
  return `A ${knot.kind} knot of ${knot.modules.length} modules (${knot.edgeCount} imports); cutting ${these} breaks it: ${imports}.`;
}

function getModules(result) {
  const cruiseResult = result && typeof result === 'object' && 'output' in result ? result.output : result;
  if (!cruiseResult || typeof cruiseResult !== 'object' || !Array.isArray(cruiseResult.modules)) {
    throw new TypeError('findKnots expects the result of dependency-cruiser\'s `cruise()` with the default (JSON object) output type.');
  }
  return cruiseResult.modules;
}

const compare = (left, right) => (left < right ? -1 : left > right ? 1 : 0);

function toKnot(kind, component, graph) {
  const members = new Set(component);
  const inner = new Map(component.map((source) => [source, graph.get(source).filter((to) => members.has(to))]));
  const edgeCount = [...inner.values()].reduce((count, targets) => count + targets.length, 0);
  const cut = minimalCut(component, inner);
  return { kind, modules: component, edgeCount, cut };
}

/**
 * Tarjan's algorithm, iterative (knots in large apps are deep enough to overflow the call stack).
 * Returns the components that contain a cycle (two or more modules, or a module importing itself),
 * each sorted, sorted by size descending then by first module.
 * @param {Map<string, string[]>} graph
 */
function cyclicComponents(graph) {
  const index = new Map();
  const low = new Map();
  const onStack = new Set();
  const stack = [];
  const components = [];
  let counter = 0;

  for (const root of graph.keys()) {
    if (index.has(root)) continue;
    const work = [[root, 0]];
    index.set(root, counter);
    low.set(root, counter);
    counter += 1;
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work.at(-1);
      const [node, position] = frame;
      const targets = graph.get(node);
      if (position < targets.length) {
        frame[1] += 1;
        const target = targets[position];
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter);
          counter += 1;
          stack.push(target);
          onStack.add(target);
          work.push([target, 0]);
        } else if (onStack.has(target)) {
          low.set(node, Math.min(low.get(node), index.get(target)));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work.at(-1)[0];
        low.set(parent, Math.min(low.get(parent), low.get(node)));
      }
      if (low.get(node) === index.get(node)) {
        const component = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          component.push(member);
        } while (member !== node);
        if (component.length > 1 || targets.includes(node)) components.push(component.sort());
      }
    }
  }
  return components.sort((left, right) => right.length - left.length || compare(left[0], right[0]));
}

/**
 * A small set of edges whose removal makes the component acyclic: the back edges of Eades, Lin and
 * Smyth's greedy ordering (sources first, sinks last, then the module with the largest out − in
 * degree), then pruned so that every remaining edge is needed (putting any one back closes a cycle).
 * Not guaranteed minimum (that problem is NP-hard), but deterministic and close in practice.
 * Imports of barrel files are preferred when cutting them alone breaks the knot with as few edges.
 */
function minimalCut(component, inner) {
  const order = greedyOrder(component, inner);
  const position = new Map(order.map((source, at) => [source, at]));
  const greedy = [];
  for (const from of component) {
    for (const to of inner.get(from)) if (position.get(to) <= position.get(from)) greedy.push({ from, to });
  }
  const cut = prune(component, inner, greedy);
  // Cycles through a barrel (`index.ts` re-exporting its folder) are best broken by importing the
  // module directly instead of through the barrel; suggest that when it takes no more cuts.
  const intoBarrels = [];
  for (const from of component) for (const to of inner.get(from)) if (BARREL.test(to) && from !== to) intoBarrels.push({ from, to });
  if (intoBarrels.length > 0 && isAcyclic(component, inner, keysOf(intoBarrels))) {
    const barrelCut = prune(component, inner, intoBarrels);
    if (barrelCut.length <= cut.length) return barrelCut;
  }
  return cut;
}

const BARREL = /(?:^|\/)index\.[cm]?[jt]sx?$/;

const keysOf = (edges) => new Set(edges.map(({ from, to }) => `${from}\n${to}`));

/** The edges of `cut` that are needed: putting any one back closes a cycle. */
function prune(component, inner, cut) {
  const kept = [];
  for (const [at, edge] of cut.entries()) {
    const removed = keysOf([...kept, ...cut.slice(at + 1)]);
    if (!isAcyclic(component, inner, removed)) kept.push(edge);
  }
  return kept;
}

function greedyOrder(component, inner) {
  const outgoing = new Map(component.map((source) => [source, new Set(inner.get(source))]));
  const incoming = new Map(component.map((source) => [source, new Set()]));
  for (const [from, targets] of outgoing) for (const to of targets) incoming.get(to).add(from);
  const remaining = new Set(component);
  const head = [];
  const tail = [];
  const remove = (source) => {
    remaining.delete(source);
    for (const to of outgoing.get(source)) incoming.get(to).delete(source);
    for (const from of incoming.get(source)) outgoing.get(from).delete(source);
  };
  while (remaining.size > 0) {
    let changed = true;
    while (changed) {
      changed = false;
      for (const source of remaining) {
        if (outgoing.get(source).size === 0) {
          tail.unshift(source);
          remove(source);
          changed = true;
        } else if (incoming.get(source).size === 0) {
          head.push(source);
          remove(source);
          changed = true;
        }
      }
    }
    if (remaining.size === 0) break;
    let best;
    for (const source of remaining) {
      const delta = outgoing.get(source).size - incoming.get(source).size;
      if (best === undefined || delta > best.delta) best = { source, delta };
    }
    head.push(best.source);
    remove(best.source);
  }
  return [...head, ...tail];
}

function isAcyclic(component, inner, removed) {
  const state = new Map();
  for (const root of component) {
    if (state.has(root)) continue;
    const work = [[root, 0]];
    state.set(root, 'open');
    while (work.length > 0) {
      const frame = work.at(-1);
      const [node, position] = frame;
      const targets = inner.get(node);
      if (position < targets.length) {
        frame[1] += 1;
        const target = targets[position];
        if (removed.has(`${node}\n${target}`)) continue;
        if (state.get(target) === 'open') return false;
        if (!state.has(target)) {
          state.set(target, 'open');
          work.push([target, 0]);
        }
        continue;
      }
      state.set(node, 'done');
      work.pop();
    }
  }
  return true;
}
