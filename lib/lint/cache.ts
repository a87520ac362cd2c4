// `--cache`: findings of unchanged files are reused. An entry is keyed by the file's content hash;
// the whole cache by the tool version and the configuration, so changing either starts afresh.
// Link targets are part of the key too: an entry records which relative paths existed.
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import type {LintMessage} from './types.js'

interface Entry {
  hash: string
  messages: LintMessage[]
  deps: Record<string, boolean> // paths the findings depend on, and whether each existed
}

// A loaded cache: look up, store, save.
export interface LintCache {
  get(file: string, hash: string): LintMessage[] | undefined
  set(file: string, hash: string, messages: LintMessage[], deps: Record<string, boolean>): void
  save(): void
}

// Hash of a file's content.
export function contentHash(source: string): string {
  return createHash('sha1').update(source).digest('hex')
}

// Open the cache in `location` (a folder), valid only for this `key` (version + config).
export function openCache(location: string, key: string): LintCache {
  const file = path.join(location, 'lint.json')
  let entries: Record<string, Entry> = {}
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as {key?: string; entries?: Record<string, Entry>}
    if (data.key === key && data.entries) entries = data.entries
  } catch {
    // no cache yet, or a broken one: start empty
  }
  let dirty = false
  return {
    get(name, hash) {
      const entry = entries[name]
      if (!entry || entry.hash !== hash) return undefined
      for (const [dep, existed] of Object.entries(entry.deps ?? {})) if (existsSync(dep) !== existed) return undefined
      return entry.messages
    },
    set(name, hash, messages, deps) {
      entries[name] = {hash, messages, deps}
      dirty = true
    },
    save() {
      if (!dirty) return
      mkdirSync(location, {recursive: true})
      const temp = `${file}.${process.pid}.tmp`
      writeFileSync(temp, JSON.stringify({key, entries}))
      renameSync(temp, file)
    },
  }
}
