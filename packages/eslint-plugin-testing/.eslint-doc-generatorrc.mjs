import { docGeneratorOptions } from '../../scripts/lib/doc-generator-options.mjs';

export default docGeneratorOptions;
