// Module hooks that write the URL of every project module a process loads to a file, one per line.
// Registered by `recordLoadsArgs()` in ./cli.ts: `node --import tsx --import <register> …`. Plain JavaScript, so it
// loads in the hooks thread before tsx can compile anything.
import { appendFileSync } from 'node:fs';

let file = null;

export function initialize(data) {
  file = data?.file ?? null;
}

export async function load(url, context, nextLoad) {
  // written before the module is evaluated, and synchronously: nothing is lost when the process exits
  if (file && url.startsWith('file:')) appendFileSync(file, `${url}\n`);
  return nextLoad(url, context);
}
