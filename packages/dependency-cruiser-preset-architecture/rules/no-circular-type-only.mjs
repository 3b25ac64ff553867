import { ERASED_AT_RUNTIME } from '../lib/patterns.mjs';

// A cycle with at least one erased edge: harmless at runtime, but a sign of tangled modules.

export default {
  name: 'no-circular-type-only',
  comment:
    'This import is part of a cycle that only exists through type imports: the compiler erases it, ' +
    'but the modules still cannot be understood, tested or split apart on their own, and turning the ' +
    'type import into a value import later creates a runtime cycle. Move the shared types into their own module.',
  severity: 'info',
  from: {},
  to: {
    circular: true,
    via: { dependencyTypes: ERASED_AT_RUNTIME },
  },
};
