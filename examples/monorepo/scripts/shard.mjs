// Usage: turbo run lint --dry=json | node scripts/shard.mjs <shard> <shards>
// Prints the `--filter` arguments of every <shards>th package, starting at <shard>, for one CI job.
import { readFileSync } from 'node:fs';

const [shard, shards] = process.argv.slice(2).map(Number);
const { tasks } = JSON.parse(readFileSync(0, 'utf8'));
const packages = [...new Set(tasks.map((task) => task.package))].sort();
console.log(packages.filter((_, index) => index % shards === shard).map((name) => `--filter=${name}`).join(' '));
