// A cache of parsed Markdown trees, kept by the CLI in the OS cache folder (issue 17). micromark
// is thorough but slow: a 15 KB runbook of 200 steps takes 100-250 ms to parse on the machines we
// measure, more than Node takes to start. The tree of a document that did not change is read back
// as JSON instead (~2 ms). Entries are keyed by the document's text and by the parser's own code,
// so an edited document or another build of runbook never meets an old tree. A tree read back is
// the parsed tree but for properties set to undefined, which JSON leaves out (GFM's literal
// autolinks carry `position: undefined`); nothing in lib/ tells the two apart.
//
// Off until the CLI turns it on (a library user decides about caching); small documents skip it
// (parsing them costs less than a file read); a folder that others could write is not used, since
// a planted tree would change what runs; any failure falls back to parsing.
import {readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {treeCacheFolder} from '../cache-folder.js'
import {isPrivateFolder} from '../private-folder.js'
import {lazyRequire} from '../lazy-require.js'

// node:crypto loads on the first key: small documents never need it, and loading it costs 27 M
// instructions on Node 24 (a third of Node's own start) and 18 M on Node 20.
const load = lazyRequire(import.meta.url)

// Outside these sizes a document is parsed every time: below, parsing costs less than a file read;
// above, the JSON tree (about ten times the text) would cost more to store and read than it saves.
const smallest = 2048
const largest = 1 << 20
// At most this many trees are kept; the oldest go first.
const most = 256

// The folder as checked: undefined until looked at, null when it may not be used.
let checked: {dir: string | undefined; usable: string | null} | undefined

// The tree of `markdown`: from the cache when an entry made by this parser exists, else `parse`'s
// (then stored). `parser` is the URL of the module that parses (its build identifies the tree).
export function cachedTree<T>(markdown: string, parser: string, parse: (text: string) => T): T {
  const dir = markdown.length >= smallest && markdown.length <= largest ? usableFolder() : undefined
  if (!dir) return parse(markdown)
  const file = path.join(dir, `${key(markdown, parser)}.json`)
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T
  } catch {
    // not cached yet, or unreadable: parse
  }
  const tree = parse(markdown)
  store(dir, file, tree)
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

// The document's text and the parser's build (its file's URL, size and time: a bundle chunk's name
// is a hash of its contents, and a rebuilt module has a new time).
function key(markdown: string, parser: string): string {
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
  const {createHash} = load('node:crypto') as typeof import('node:crypto')
  return createHash('sha256').update(build).update('\0').update(markdown).digest('hex').slice(0, 40)
}

// Write the entry whole (a temporary file renamed into place) and keep the folder small.
function store(dir: string, file: string, tree: unknown): void {
  const temp = `${file}.${process.pid}.tmp`
  try {
    writeFileSync(temp, JSON.stringify(tree), {mode: 0o600})
    renameSync(temp, file)
    prune(dir)
  } catch {
    rmSync(temp, {force: true})
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
