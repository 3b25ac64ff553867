import type { IConfiguration } from 'dependency-cruiser';

/** The architecture preset with every rule as `error`. */
declare const strict: IConfiguration;
export default strict;
