// @prodready/dependency-cruiser-preset-coherence: the rules that need no options. Extend it with
// `extends: '@prodready/dependency-cruiser-preset-coherence'`, or build a preset that knows the
// project's choices with `createCoherencePreset({ httpClient: 'axios', logger: 'pino', … })`.
import { STATIC_RULES } from './lib/static-rules.mjs';
import { PRESET_OPTIONS } from './lib/options.mjs';

/** @type {import('dependency-cruiser').IConfiguration} */
const preset = {
  forbidden: STATIC_RULES,
  options: PRESET_OPTIONS,
};

export default preset;

export { createCoherencePreset } from './lib/create-coherence-preset.mjs';
export { CONCERNS } from './lib/concerns.mjs';
export { CROSS_CUTTING, findConventionOutliers, findGatewayBypasses, findUntestedModules, proposeCoherence } from './lib/infer.mjs';
