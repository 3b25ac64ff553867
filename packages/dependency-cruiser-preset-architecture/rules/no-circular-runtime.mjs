import { ERASED_AT_RUNTIME, ORM_ENTITY } from '../lib/patterns.mjs';

// A cycle that passes through one erased edge never runs, so only cycles made of runtime edges
// count; cycles through ORM entities are the ORM's relation mechanism, not a loading-order bug.

export default {
  name: 'no-circular-runtime',
  comment:
    'This import is part of a cycle that exists at runtime: one module of the cycle reads the other ' +
    'before it has finished loading and gets `undefined` (a class that is not a constructor, a missing ' +
    'function), depending on which file the process happens to load first. Break the cycle: move the ' +
    'shared code into a third module, pass the dependency in as a parameter, or make the import `import type`. Cycles through ORM entities and models (`*.entity.ts`, `entities/`, `models/`) are not reported.',
  severity: 'error',
  from: {},
  to: {
    circular: true,
    viaOnly: { dependencyTypesNot: ERASED_AT_RUNTIME, pathNot: ORM_ENTITY },
  },
};
