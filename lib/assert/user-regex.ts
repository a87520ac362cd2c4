// User-written regular expressions (` (re)` lines, `matches /re/`): checked for syntax and for
// catastrophic backtracking before they ever run, so a pattern can never hang a run (SPEC §11).
import {checkRegexSafety} from './safe-regex.js'
import {regexLoops, regexTimeLimitMs, testWithinBudget} from './regex-budget.js'

// A usable regex with a `test` that never hangs ('timeout' past the time limit), or why it is refused.
export type UserRegex = {ok: true; regex: RegExp; test(text: string): boolean | 'timeout'} | {ok: false; message: string}

const cache = new Map<string, UserRegex>()

// Compile a user regex (`whole` anchors it to the whole text) or explain why it cannot be used.
export function compileUserRegex(source: string, options: {flags?: string; whole?: boolean} = {}): UserRegex {
  const flags = options.flags ?? ''
  const key = `${options.whole ? 'w' : 's'}/${flags}/${source}`
  const known = cache.get(key)
  if (known) return known
  const result = compile(source, flags, options.whole ?? false)
  if (cache.size > 500) cache.clear()
  cache.set(key, result)
  return result
}

function compile(source: string, flags: string, whole: boolean): UserRegex {
  try {
    new RegExp(source, flags)
  } catch (error) {
    const detail = String((error as Error).message).replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '')
    return {ok: false, message: `invalid regular expression /${source}/: ${detail}`}
  }
  const safety = checkRegexSafety(source, flags)
  if (!safety.safe) return {ok: false, message: `unsafe regular expression /${source}/: ${safety.reason}`}
  const regex = new RegExp(whole ? `^(?:${source})$` : source, flags)
  // A search (not anchored to the whole text) retries from every position: one loop more.
  const loops = regexLoops(source, flags) + (whole ? 0 : 1)
  return {ok: true, regex, test: (text) => testWithinBudget(regex, loops, text)}
}

// The failure message for a regex that ran out of time on a text.
export function timeoutMessage(source: string, text: string): string {
  return `regular expression /${source}/ took longer than ${regexTimeLimitMs}ms on a ${text.length}-character line (too much backtracking); simplify it`
}
