// Command-line and config globs (`**/*.md`, `docs/{a,b/{c,d}}.md`), matched by picomatch: `*` and
// `**` never enter dot-folders unless the glob names one, and braces nest.
import picomatch from 'picomatch'

// True when `text` holds glob syntax.
export function isGlob(text: string): boolean {
  return picomatch.scan(text).isGlob
}

// A test for `/`-separated relative paths; `dot` lets wildcards match dot-files and dot-folders.
export function globMatcher(glob: string, options: {dot?: boolean} = {}): (file: string) => boolean {
  return picomatch(glob, {dot: options.dot ?? false})
}

// Whether the glob names a dot-file or dot-folder itself (`.github/**/*.md`), so the walk must enter one.
export function globNamesDot(glob: string): boolean {
  return glob.split('/').some((part) => part.startsWith('.') && part !== '.' && part !== '..')
}

// The folder part of a glob before its first glob character (`docs/**/*.md` → `docs`).
export function globBase(glob: string): string {
  return picomatch.scan(glob).base || '.'
}
