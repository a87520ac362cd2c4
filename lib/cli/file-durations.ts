// How long each file of a many-file run took last time, kept in the OS cache folder
// (`durations.json` beside the other caches; off with RUNBOOK_NO_CACHE). With `--jobs N` the
// slowest files start first: in document order the slowest could start last and hold the whole
// run up alone (issue 17's many-files figure: three files of twelve take 14 s of 17). Only the
// order in which files start changes. A missing or damaged file, or a folder others could write,
// only means document order.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {cacheFolder} from '../cache-folder.js'
import {isPrivateFolder} from '../private-folder.js'
import {replaceFile} from '../replace-file.js'

// At most this many files are remembered; the ones run longest ago go first.
const most = 2000

type Durations = Record<string, {ms: number; at: number}>

// The remembered durations, by absolute path.
export function readDurations(env: NodeJS.ProcessEnv): Durations {
  const file = durationsFile(env)
  if (!file) return {}
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as unknown
    return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Durations) : {}
  } catch {
    return {}
  }
}

// `items` with the ones known to be slowest first; unknown ones first of all, in their order
// (a new file may be slow), then known ones, slowest first. A stable sort: ties keep their order.
export function slowestFirst<T>(items: readonly T[], pathOf: (item: T) => string, known: Durations): T[] {
  const cost = (item: T) => known[pathOf(item)]?.ms ?? Number.POSITIVE_INFINITY
  return [...items].sort((a, b) => cost(b) - cost(a))
}

// Remember `measured` (absolute path → ms) on top of what was known; never throws.
export function saveDurations(env: NodeJS.ProcessEnv, known: Durations, measured: ReadonlyMap<string, number>): void {
  const file = durationsFile(env)
  if (!file || measured.size === 0) return
  const now = Date.now()
  const all: Durations = {...known}
  for (const [name, ms] of measured) all[name] = {ms: Math.round(ms), at: now}
  const kept = Object.entries(all)
    .filter(([, entry]) => typeof entry?.ms === 'number' && typeof entry.at === 'number')
    .sort((a, b) => b[1].at - a[1].at)
    .slice(0, most)
  try {
    replaceFile(file, JSON.stringify(Object.fromEntries(kept)), 0o600)
  } catch {
    // a read-only or full disk: document order next time
  }
}

function durationsFile(env: NodeJS.ProcessEnv): string | undefined {
  const dir = cacheFolder(env)
  return dir && isPrivateFolder(dir) ? path.join(dir, 'durations.json') : undefined
}
