// Command-line and config globs (`**/*.md`, `docs/{a,b/{c,d}}.md`), matched by picomatch: `*` and
// `**` never enter dot-folders unless the glob names one, and braces nest.
// picomatch loads on first use: a run whose steps name no `artifacts=` glob never pays for it.
import type Picomatch from 'picomatch'
import {lazyRequire} from '../lazy-require.js'

const load = lazyRequire(import.meta.url)
let loaded: typeof Picomatch | undefined
const picomatch = () => (loaded ??= load('picomatch') as typeof Picomatch)

// True when `text` holds glob syntax.
export function isGlob(text: string): boolean {
  return picomatch().scan(text).isGlob
}

// A test for `/`-separated relative paths; `dot` lets wildcards match dot-files and dot-folders.
export function globMatcher(glob: string, options: {dot?: boolean} = {}): (file: string) => boolean {
  return picomatch()(glob, {dot: options.dot ?? false})
}

// Whether the glob names a dot-file or dot-folder itself (`.github/**/*.md`), so the walk must enter one.
export function globNamesDot(glob: string): boolean {
  return glob.split('/').some((part) => part.startsWith('.') && part !== '.' && part !== '..')
}

// The folder part of a glob before its first glob character (`docs/**/*.md` → `docs`).
export function globBase(glob: string): string {
  return picomatch().scan(glob).base || '.'
}
