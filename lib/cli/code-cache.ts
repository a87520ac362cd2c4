// Load the bundled CLI (one CommonJS file, scripts/bundle.mjs) with a V8 code cache: the code
// compiled by one run of a command is saved after it ran, and the next start of the same command
// reads it instead of parsing and compiling again. Node 20 has no cache for ES modules; this one
// works on every Node. The cache is only ever a shortcut: a missing, unreadable or rejected cache
// file, or a home that cannot be written, gives the same behaviour, just slower.
import {readdirSync, readFileSync, rmSync, statSync, utimesSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {Script} from 'node:vm'
import {isPrivateFolder} from '../private-folder.js'
import {replaceFile} from '../replace-file.js'

// The text around the file's source: the same function Node wraps a CommonJS module in.
export const wrapperStart = '(function (exports, require, module, __filename, __dirname) { '
const wrapperEnd = '\n})'
// How many caches of other builds of one command may stay beside this build's.
const keepOthers = 4

// A loaded CommonJS file, and how to keep what this run compiled for the next one.
export interface CachedLoad {
  exports: Record<string, unknown>
  // Write the cache when there was none (or V8 refused it); never throws.
  saveCache(): void
}

// The cache file of `name` (a command) for this build, this Node and this platform.
export function cacheFileFor(cacheDir: string, name: string, build: string): string {
  return path.join(cacheDir, `${name}-${process.version}-${process.arch}-${build}.bin`)
}

// Run the CommonJS `file` through vm.Script, with `cacheFile`'s code cache when it is there. A
// cache folder that others could write is neither read nor written: a planted cache is code.
export function loadWithCodeCache(file: string, cacheFile: string): CachedLoad {
  const source = readFileSync(file, 'utf8')
  const trusted = isPrivateFolder(path.dirname(cacheFile))
  let cachedData: Buffer | undefined
  try {
    if (trusted) cachedData = readFileSync(cacheFile)
  } catch {
    // no cache yet (or unreadable): compile from the source
  }
  const script = new Script(wrapperStart + source + wrapperEnd, {filename: file, ...(cachedData ? {cachedData} : {})})
  // V8 checks the cache against the source, its own version and flags; a refused cache is replaced.
  const usable = cachedData !== undefined && !script.cachedDataRejected
  // A used cache counts as fresh for the tidying below, at most once an hour.
  if (usable) markUsed(cacheFile)
  const module = {exports: {} as Record<string, unknown>}
  const run = script.runInThisContext() as (...args: unknown[]) => void
  run.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file))
  return {
    exports: module.exports,
    saveCache() {
      if (usable || !trusted) return
      try {
        writeCache(cacheFile, script.createCachedData())
      } catch {
        // a read-only or full disk: the next start compiles again
      }
    },
  }
}

function markUsed(cacheFile: string): void {
  try {
    const now = Date.now()
    if (now - statSync(cacheFile).mtimeMs > 60 * 60 * 1000) utimesSync(cacheFile, now / 1000, now / 1000)
  } catch {
    // a read-only cache: it stays as it is
  }
}

// Write by rename (a concurrent start reads the old file or the new one), then tidy up this
// command's caches of other builds on the same Node. Other installations or checkouts of runbook
// may still use theirs, so only those unused for a day go, and at most `keepOthers` stay.
function writeCache(cacheFile: string, data: Buffer): void {
  const dir = path.dirname(cacheFile)
  replaceFile(cacheFile, data)
  const base = path.basename(cacheFile)
  const prefix = base.slice(0, base.lastIndexOf('-') + 1)
  const others = readdirSync(dir)
    .filter((name) => name.startsWith(prefix) && name.endsWith('.bin') && name !== base)
    .map((name) => ({file: path.join(dir, name), used: statSync(path.join(dir, name), {throwIfNoEntry: false})?.mtimeMs ?? 0}))
    .sort((a, b) => b.used - a.used)
  const dayAgo = Date.now() - 24 * 60 * 60 * 1000
  others.forEach(({file, used}, index) => {
    if (index >= keepOthers || used < dayAgo) rmSync(file, {force: true})
  })
}
