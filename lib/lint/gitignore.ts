// `.gitignore` rules with git's semantics, by the `ignore` package: the last matching pattern wins,
// `!` re-includes, a trailing `/` matches folders, a `/` inside anchors, braces are literal. Its
// patterns compile to regexes that stay fast on hostile lines such as `*a*a*a*a*a*a*a*a*a*a*b`.
import ignore, {type Ignore} from 'ignore'

// The rules of one `.gitignore` file, for paths relative to its folder.
export type IgnoreRules = Ignore

// Parse the text of a `.gitignore` (case-sensitive, as git is by default).
export function parseGitignore(text: string): IgnoreRules {
  return ignore({ignorecase: false}).add(text.replace(/^\ufeff/, ''))
}

// Whether `relative` (to the .gitignore's folder, `/`-separated) is ignored: true, false, or undefined (no rule says).
export function matchIgnore(rules: IgnoreRules, relative: string, isDir: boolean): boolean | undefined {
  const verdict = rules.test(isDir ? `${relative}/` : relative)
  return verdict.ignored ? true : verdict.unignored ? false : undefined
}
