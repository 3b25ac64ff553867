/** Absolute path of the generated src/typegen.ts. */
export declare const TYPEGEN_FILE: string;

/** A plugin as far as the generator reads it. */
export interface TypegenPlugin {
  meta: { namespace: string };
  rules: Record<string, { meta: { docs?: { description?: string; url?: string }; schema?: unknown } }>;
}

/** The source of src/typegen.ts for `plugins`. */
export declare function generateRuleOptions(plugins: Record<string, TypegenPlugin>): string;
