// A cache of parsed Markdown trees, kept by the CLI in the OS cache folder (issue 17). micromark
// is thorough but slow to start: a 15 KB runbook of 200 steps takes 100-250 ms to parse on the
// machines we measure, and even a 400-byte one takes 5-11 ms in a fresh process (its code runs cold),
// a third of Node's own start. The tree of a document that did not change is read back as JSON
// instead. An entry holds the document's text and the parser's build beside the tree, and is used
// only when both are the same as now, so an edited document or another build of runbook never meets
// an old tree. The file name only spreads the entries: it is a hash of the build, the length and the
// first and last kilobyte, so it costs the same for any size and needs no node:crypto (27 M
// instructions to load on Node 24, a third of Node's own start). A tree read back is the parsed
// tree but for properties set to undefined, which JSON leaves out (GFM's literal autolinks carry
// `position: undefined`); nothing in lib/ tells the two apart.
//
// Off until the CLI turns it on (a library user decides about caching); a folder that others could
// write is not used, since a planted tree would change what runs; any failure falls back to parsing.
import {readdirSync, readFileSync, rmSync, statSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {treeCacheFolder} from '../cache-folder.js'
import {isPrivateFolder} from '../private-folder.js'
import {replaceFile} from '../replace-file.js'

// Above this size a document is parsed every time: its JSON tree (about ten times the text) would
// cost more to store and read than it saves.
const largest = 1 << 20
// At most this many trees are kept; the oldest go first.
const most = 256
// How much of each end of the text the file name is made from.
const sample = 1024

// What a cache file holds.
interface Entry<T> {
  build: string
  text: string
  tree: T
}

// The folder as checked: undefined until looked at, null when it may not be used.
let checked: {dir: string | undefined; usable: string | null} | undefined

// The tree of `markdown`: from the cache when an entry made by this parser from the same text
// exists, else `parse`'s (then stored). `parser` is the URL of the module that parses (its build
// identifies the tree).
export function cachedTree<T>(markdown: string, parser: string, parse: (text: string) => T): T {
  const dir = markdown.length <= largest ? usableFolder() : undefined
  if (!dir) return parse(markdown)
  const build = buildOf(parser)
  const file = path.join(dir, `${slot(build, markdown)}.json`)
  try {
    const entry = JSON.parse(readFileSync(file, 'utf8')) as Entry<T>
    if (entry.build === build && entry.text === markdown) return entry.tree
  } catch {
    // not cached yet, or unreadable: parse
  }
  const tree = parse(markdown)
  store(dir, file, {build, text: markdown, tree})
  return tree
}

// The folder, once it is known to be ours and closed to others; undefined when it is not.
function usableFolder(): string | undefined {
  const dir = treeCacheFolder()
  if (!dir) return undefined
  if (checked?.dir !== dir) checked = {dir, usable: isPrivateFolder(dir) ? dir : null}
  return checked.usable ?? undefined
}


const builds = new Map<string, string>()

// The parser's build: its file's URL, size and time (a bundle chunk's name is a hash of its
// contents, and a rebuilt module has a new time).
function buildOf(parser: string): string {
  let build = builds.get(parser)
  if (build === undefined) {
    try {
      const info = statSync(fileURLToPath(parser))
      build = `${parser}\0${info.size}\0${info.mtimeMs}`
    } catch {
      build = parser
    }
    builds.set(parser, build)
  }
  return build
}

// The entry's file name: two 32-bit FNV-1a hashes of the build, the length and both ends of the
// text. Two documents that share it take turns in one file; the text in the entry tells them apart.
function slot(build: string, markdown: string): string {
  const ends = markdown.length <= 2 * sample ? markdown : markdown.slice(0, sample) + markdown.slice(-sample)
  const text = `${build}\0${markdown.length}\0${ends}`
  let a = 0x811c9dc5
  let b = 0x9747b28c
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    a = Math.imul(a ^ code, 0x01000193)
    b = Math.imul(b ^ code, 0x5bd1e995)
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0')
}

// Write the entry whole (a temporary file renamed into place) and keep the folder small.
function store(dir: string, file: string, entry: Entry<unknown>): void {
  try {
    replaceFile(file, JSON.stringify(entry), 0o600)
    prune(dir)
  } catch {
    // a full or read-only disk: parsed again next time
  }
}

// Past `most` entries, the oldest go until half remain: a run over many documents prunes once per
// `most / 2` new trees, not after every one.
function prune(dir: string): void {
  const names = readdirSync(dir).filter((name) => name.endsWith('.json'))
  if (names.length <= most) return
  const byAge = names.map((name) => ({name, time: statSync(path.join(dir, name)).mtimeMs})).sort((a, b) => a.time - b.time)
  for (const {name} of byAge.slice(0, names.length - most / 2)) rmSync(path.join(dir, name), {force: true})
}
