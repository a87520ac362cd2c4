// Sets of characters as sorted, disjoint code-point ranges: what one position of a regex can
// consume. The regex safety check only needs union, complement and "do they overlap?".

// Inclusive code-point ranges, sorted and disjoint.
export type CharSet = ReadonlyArray<readonly [number, number]>

const maxCode = 0x10ffff

// A set from any ranges (merged and sorted).
export function charSet(ranges: Array<readonly [number, number]>): CharSet {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0])
  const out: Array<[number, number]> = []
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1]
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi)
    else out.push([lo, hi])
  }
  return out
}

// Every character not in the set.
export function complement(set: CharSet): CharSet {
  const out: Array<[number, number]> = []
  let next = 0
  for (const [lo, hi] of set) {
    if (lo > next) out.push([next, lo - 1])
    next = hi + 1
  }
  if (next <= maxCode) out.push([next, maxCode])
  return out
}

// True when some character is in both sets.
export function overlaps(a: CharSet, b: CharSet): boolean {
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    const [alo, ahi] = a[i]!
    const [blo, bhi] = b[j]!
    if (alo <= bhi && blo <= ahi) return true
    if (ahi < bhi) i++
    else j++
  }
  return false
}

// The set with ASCII letters in both cases (the `i` flag).
export function foldCase(set: CharSet): CharSet {
  const extra: Array<[number, number]> = []
  for (const [lo, hi] of set) {
    for (const [from, to, shift] of [[0x61, 0x7a, -32], [0x41, 0x5a, 32]] as const) {
      const a = Math.max(lo, from)
      const b = Math.min(hi, to)
      if (a <= b) extra.push([a + shift, b + shift])
    }
  }
  return extra.length ? charSet([...set, ...extra]) : set
}

const c = (char: string) => char.codePointAt(0)!
// The classes `\d`, `\w`, `\s`, `[\s\S]` and `.` (without the `s` flag).
export const digit = charSet([[c('0'), c('9')]])
export const word = charSet([[c('0'), c('9')], [c('A'), c('Z')], [c('_'), c('_')], [c('a'), c('z')]])
export const space = charSet([[9, 13], [32, 32], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff]])
export const anyChar = charSet([[0, maxCode]])
export const notNewline = complement(charSet([[10, 10], [13, 13], [0x2028, 0x2029]]))

// The set of one code point.
export function single(code: number): CharSet {
  return [[code, code]]
}
