import type { ModuleGraph } from '../report/index.js';

/** The architecture preset's manifest (`compileArchitecture`), the layers part. */
export interface ArchitectureManifest {
  layers: Array<{ name: string; path: string; mayImport?: string[] }>;
}

/**
 * Layers from the folders under the source root (`src/` when most modules live there), each
 * allowed to import the layers it imports today. Where two layers import each other, the
 * direction with fewer imports is left out and counted in `against`: those imports are what the
 * proposal asks to fix. `undefined` with fewer than two layers: there is nothing to propose.
 */
export function proposeArchitecture(graph: ModuleGraph): { manifest: ArchitectureManifest; against: number } | undefined {
  const inSrc = graph.modules.filter((module) => module.startsWith('src/')).length;
  const root = inSrc * 2 > graph.modules.length ? 'src/' : '';
  const layerOf = graph.modules.map((module) => {
    if (!module.startsWith(root)) return undefined;
    const rest = module.slice(root.length);
    const slash = rest.indexOf('/');
    const folder = slash === -1 ? undefined : rest.slice(0, slash);
    // Test folders are not a layer of the running app.
    return folder && !/^(?:tests?|__tests__|spec|e2e|fixtures|__mocks__)$/.test(folder) && /^[\w-]+$/.test(folder) ? folder : undefined;
  });
  const layers = [...new Set(layerOf.filter((layer): layer is string => layer !== undefined))].sort();
  if (layers.length < 2) return undefined;

  const counts = new Map<string, number>();
  for (const [from, to] of graph.edges) {
    const source = layerOf[from];
    const target = layerOf[to];
    if (source && target && source !== target) counts.set(`${source}>${target}`, (counts.get(`${source}>${target}`) ?? 0) + 1);
  }
  let against = 0;
  const allowed = new Set<string>();
  for (const [key, count] of counts) {
    const [source, target] = key.split('>') as [string, string];
    const reverse = counts.get(`${target}>${source}`) ?? 0;
    // Ties keep the alphabetically first direction, so the proposal is stable.
    if (reverse > count || (reverse === count && source > target)) against += count;
    else allowed.add(key);
  }
  return {
    manifest: {
      layers: layers.map((name) => {
        const mayImport = layers.filter((target) => allowed.has(`${name}>${target}`));
        return { name, path: `${root}${name}/**`, ...(mayImport.length > 0 ? { mayImport } : {}) };
      }),
    },
    against,
  };
}
