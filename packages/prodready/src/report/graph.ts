/** The project's local import graph, as the HTML report draws it. */
export interface ModuleGraph {
  /** Module paths relative to the project, POSIX separators. */
  modules: string[];
  /** `[from, to]` indexes into `modules`. */
  edges: Array<[number, number]>;
}

/**
 * The strongly connected components with more than one module (or a module importing itself):
 * each is a knot of circular imports. Tarjan's algorithm, iterative so a deep graph cannot
 * overflow the stack.
 */
export function getCycleComponents(graph: ModuleGraph): number[][] {
  const count = graph.modules.length;
  const next: number[][] = Array.from({ length: count }, () => []);
  const selfLoops = new Set<number>();
  for (const [from, to] of graph.edges) {
    next[from]!.push(to);
    if (from === to) selfLoops.add(from);
  }
  const index = new Array<number>(count).fill(-1);
  const low = new Array<number>(count).fill(0);
  const onStack = new Array<boolean>(count).fill(false);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  for (let root = 0; root < count; root += 1) {
    if (index[root] !== -1) continue;
    const work: Array<[node: number, edge: number]> = [[root, 0]];
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [node, edge] = frame;
      if (edge === 0) {
        index[node] = low[node] = counter;
        counter += 1;
        stack.push(node);
        onStack[node] = true;
      }
      if (edge < next[node]!.length) {
        frame[1] += 1;
        const target = next[node]![edge]!;
        if (index[target] === -1) work.push([target, 0]);
        else if (onStack[target]) low[node] = Math.min(low[node]!, index[target]!);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]]!, low[node]!);
      if (low[node] === index[node]) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = false;
          component.push(member);
        } while (member !== node);
        if (component.length > 1 || selfLoops.has(node)) components.push(component.sort((left, right) => left - right));
      }
    }
  }
  return components.sort((left, right) => right.length - left.length || left[0]! - right[0]!);
}

/**
 * A graph small enough to draw: above `maxModules`, modules are folded into their folders
 * (repeatedly, one level up each time) so a large project still shows its shape and its knots.
 */
export function foldGraph(graph: ModuleGraph, maxModules: number): ModuleGraph {
  let current = graph;
  for (let depth = 0; current.modules.length > maxModules && depth < 8; depth += 1) {
    const names = current.modules.map((name) => getParent(name));
    if (names.every((name, position) => name === current.modules[position])) break;
    const modules = [...new Set(names)].sort();
    const position = new Map(modules.map((name, index) => [name, index]));
    const edges = new Map<string, [number, number]>();
    for (const [from, to] of current.edges) {
      const edge: [number, number] = [position.get(names[from]!)!, position.get(names[to]!)!];
      if (edge[0] !== edge[1]) edges.set(edge.join(','), edge);
    }
    current = { modules, edges: [...edges.values()] };
  }
  return current;
}

function getParent(name: string): string {
  const trimmed = name.endsWith('/') ? name.slice(0, -1) : name;
  const slash = trimmed.lastIndexOf('/');
  return slash === -1 ? trimmed : `${trimmed.slice(0, slash)}/`;
}
