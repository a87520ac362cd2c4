// Where runbook keeps its caches: its folder in the OS cache folder (`$XDG_CACHE_HOME`, else
// `~/.cache`) for compiled modules and parsed documents, chosen by the CLI at start-up
// (bin/runbook.ts). `RUNBOOK_NO_CACHE` (any value) turns every cache off. No imports beyond these
// two: setting the folders must load nothing else (`--version` stays lean).
import {homedir} from 'node:os'
import path from 'node:path'

// The folder, or undefined when caching is off.
export function cacheFolder(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env['RUNBOOK_NO_CACHE'] !== undefined) return undefined
  return path.join(env['XDG_CACHE_HOME'] || path.join(homedir(), '.cache'), 'runbook')
}

let trees: string | undefined

// Keep parsed trees (lib/parse/tree-cache.ts) under `dir` from now on; undefined turns it off.
export function enableTreeCache(dir: string | undefined): void {
  trees = dir
}

// The folder for parsed trees the CLI chose; undefined while that cache is off.
export function treeCacheFolder(): string | undefined {
  return trees
}
