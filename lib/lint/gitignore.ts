// `.gitignore` rules: the last matching pattern wins, `!` re-includes, a trailing `/` matches folders,
// a pattern with a `/` inside is anchored to its file's folder.
import {globToRegExp} from './glob.js'

interface IgnoreRule {
  re: RegExp
  negate: boolean
  dirOnly: boolean
}

// The rules of one `.gitignore` file, for paths relative to its folder.
export type IgnoreRules = IgnoreRule[]

// Parse the text of a `.gitignore`.
export function parseGitignore(text: string): IgnoreRules {
  const rules: IgnoreRules = []
  for (let line of text.split(/\r?\n/)) {
    if (line === '' || line.startsWith('#')) continue
    line = line.replace(/(?<!\\)\s+$/, '')
    const negate = line.startsWith('!')
    if (negate) line = line.slice(1)
    const dirOnly = line.endsWith('/')
    if (dirOnly) line = line.slice(0, -1)
    if (line === '') continue
    const anchored = line.includes('/')
    if (line.startsWith('/')) line = line.slice(1)
    const pattern = anchored ? line : `**/${line}`
    rules.push({re: globToRegExp(pattern), negate, dirOnly})
  }
  return rules
}

// Whether `relative` (to the .gitignore's folder, `/`-separated) is ignored: true, false, or undefined (no rule says).
export function matchIgnore(rules: IgnoreRules, relative: string, isDir: boolean): boolean | undefined {
  let verdict: boolean | undefined
  for (const rule of rules) {
    if (rule.dirOnly && !isDir) continue
    if (rule.re.test(relative)) verdict = !rule.negate
  }
  return verdict
}
