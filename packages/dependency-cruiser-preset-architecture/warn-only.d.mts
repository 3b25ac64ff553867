import type { IConfiguration } from 'dependency-cruiser';

/** The architecture preset with every rule as `warn` (`info` stays `info`). */
declare const warnOnly: IConfiguration;
export default warnOnly;
