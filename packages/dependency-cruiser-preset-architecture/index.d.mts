import type { IConfiguration } from 'dependency-cruiser';

/** The architecture preset: rules plus the options they rely on. */
declare const preset: IConfiguration;
export default preset;

/** The same rules, all `error`. */
export const strict: IConfiguration;

/** The same rules, all `warn` (`info` stays `info`). */
export const warnOnly: IConfiguration;
