// Find the Markdown files to lint: files, folders and globs, honouring `.gitignore` and skipping
// `node_modules`, `.git` and the cache folder. Files named on the command line are always linted.
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {UsageError} from '../errors.js'
import {matchIgnore, parseGitignore, type IgnoreRules} from './gitignore.js'
import {globBase, globMatcher, globNamesDot, isGlob} from './glob.js'

const skipped = new Set(['node_modules', '.git', '.runbook-cache', '.hg', '.svn'])
const markdown = /\.(?:md|markdown|mdx)$/i

interface Scope {
  dir: string
  rules: IgnoreRules
}

// Absolute paths of the files to lint, sorted, without duplicates.
// `extensions` widens what a folder or glob yields (`runbook run` also takes `.t` and `.scrut` files).
export function findFiles(targets: readonly string[], options: {cwd: string; ignore?: readonly string[]; extensions?: RegExp}): string[] {
  const found = new Set<string>()
  const kind = options.extensions ?? markdown
  const ignored = (options.ignore ?? []).map((g) => globMatcher(g.includes('/') ? g.replace(/^\.?\//, '') : `**/${g}`, {dot: true}))
  const configIgnored = (file: string) => ignored.some((test) => test(toPosix(path.relative(options.cwd, file))))
  for (const target of targets.length > 0 ? targets : ['.']) {
    if (isGlob(target) && !existsSync(path.resolve(options.cwd, target))) {
      const base = path.resolve(options.cwd, globBase(target))
      const glob = toPosix(path.relative(base, path.resolve(options.cwd, target)))
      const test = globMatcher(glob)
      const enterDot = globNamesDot(glob)
      const accept = (file: string) => test(toPosix(path.relative(base, file))) && kind.test(file)
      if (existsSync(base)) walk(base, ancestorScopes(base), accept, found, configIgnored, enterDot)
      continue
    }
    const absolute = path.resolve(options.cwd, target)
    let stat
    try {
      stat = statSync(absolute)
    } catch {
      throw new UsageError(`no such file or folder: ${target}`)
    }
    if (stat.isDirectory()) walk(absolute, ancestorScopes(absolute), (file) => kind.test(file), found, configIgnored)
    else found.add(absolute)
  }
  return [...found].sort()
}

function walk(
  dir: string,
  scopes: Scope[],
  accept: (file: string) => boolean,
  found: Set<string>,
  configIgnored: (file: string) => boolean,
  enterDot = true,
): void {
  let entries
  try {
    entries = readdirSync(dir, {withFileTypes: true})
  } catch {
    return
  }
  const own = entries.some((e) => e.name === '.gitignore' && e.isFile()) ? readIgnore(dir) : undefined
  const here = own ? [...scopes, own] : scopes
  for (const entry of entries) {
    const full = path.join(dir, entry.name)
    const isDir = entry.isDirectory() || (entry.isSymbolicLink() && isDirectory(full))
    if (isDir && (skipped.has(entry.name) || (!enterDot && entry.name.startsWith('.')))) continue
    if (isIgnored(here, full, isDir) || configIgnored(full)) continue
    if (isDir) walk(full, here, accept, found, configIgnored, enterDot)
    else if ((entry.isFile() || entry.isSymbolicLink()) && accept(full)) found.add(full)
  }
}

function isIgnored(scopes: Scope[], file: string, isDir: boolean): boolean {
  let verdict = false
  for (const scope of scopes) {
    const result = matchIgnore(scope.rules, toPosix(path.relative(scope.dir, file)), isDir)
    if (result !== undefined) verdict = result
  }
  return verdict
}

// The `.gitignore` files above `dir`, up to the repository root (the folder holding `.git`).
function ancestorScopes(dir: string): Scope[] {
  const scopes: Scope[] = []
  let current = path.dirname(dir)
  for (;;) {
    if (existsSync(path.join(current, '.gitignore'))) scopes.unshift(readIgnore(current))
    if (existsSync(path.join(current, '.git')) || path.dirname(current) === current) break
    current = path.dirname(current)
  }
  if (!existsSync(path.join(current, '.git'))) return []
  // A folder named on the command line is walked even when an ancestor ignores it (as a named file is
  // linted): that ancestor's rules would ignore everything below it, so they are left out.
  return scopes.filter((scope) => matchIgnore(scope.rules, toPosix(path.relative(scope.dir, dir)), true) !== true)
}

function readIgnore(dir: string): Scope {
  try {
    return {dir, rules: parseGitignore(readFileSync(path.join(dir, '.gitignore'), 'utf8'))}
  } catch {
    return {dir, rules: parseGitignore('')}
  }
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory()
  } catch {
    return false
  }
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/')
}
