// A small parser for JavaScript regular expressions, enough for the safety check: which
// characters each atom consumes and how atoms are repeated, alternated and grouped.
// It expects a source that `new RegExp` already accepted.
import {anyChar, charSet, complement, digit, foldCase, notNewline, single, space, word, type CharSet} from './charset.js'

// A regex as a tree; `start`/`end` are offsets into the source (for messages).
export type RegexNode =
  | {type: 'empty'}
  | {type: 'char'; set: CharSet}
  | {type: 'seq'; items: RegexNode[]}
  | {type: 'alt'; options: RegexNode[]}
  | {type: 'repeat'; body: RegexNode; min: number; max: number; start: number; end: number}

// Parse a regex source (with its flags) into a tree.
export function parseRegex(source: string, flags = ''): RegexNode {
  const parser = new Parser(source, flags)
  return parser.alternation()
}

class Parser {
  pos = 0
  constructor(readonly source: string, readonly flags: string) {}

  alternation(): RegexNode {
    const options = [this.sequence()]
    while (this.source[this.pos] === '|') {
      this.pos++
      options.push(this.sequence())
    }
    return options.length === 1 ? options[0]! : {type: 'alt', options}
  }

  sequence(): RegexNode {
    const items: RegexNode[] = []
    while (this.pos < this.source.length && this.source[this.pos] !== '|' && this.source[this.pos] !== ')') items.push(this.term())
    return items.length === 1 ? items[0]! : {type: 'seq', items}
  }

  term(): RegexNode {
    const start = this.pos
    let node = this.atom()
    for (;;) {
      const quantifier = this.quantifier()
      if (!quantifier) return node
      node = {type: 'repeat', body: node, min: quantifier[0], max: quantifier[1], start, end: this.pos}
    }
  }

  quantifier(): [number, number] | undefined {
    const char = this.source[this.pos]
    let range: [number, number] | undefined
    if (char === '*') range = [0, Infinity]
    else if (char === '+') range = [1, Infinity]
    else if (char === '?') range = [0, 1]
    if (range) this.pos++
    else if (char === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.pos))
      if (!match) return undefined
      const min = Number(match[1])
      range = [min, match[2] ? (match[3] ? Number(match[3]) : Infinity) : min]
      this.pos += match[0].length
    } else return undefined
    if (this.source[this.pos] === '?') this.pos++ // lazy: same language, same backtracking
    return range
  }

  atom(): RegexNode {
    const char = this.source[this.pos++]!
    if (char === '(') return this.group()
    if (char === '[') return this.chars(this.classSet())
    if (char === '.') return this.chars(this.flags.includes('s') ? anyChar : notNewline)
    if (char === '^' || char === '$') return {type: 'empty'}
    if (char === '\\') return this.escape()
    return this.chars(single(char.codePointAt(0)!))
  }

  group(): RegexNode {
    const rest = this.source.slice(this.pos)
    const lookaround = /^\?<?[=!]/.exec(rest)
    const prefix = lookaround ?? /^\?(?::|<[^>]+>)/.exec(rest)
    if (prefix) this.pos += prefix[0].length
    const inner = this.alternation()
    this.pos++ // ')'
    return lookaround ? {type: 'empty'} : inner
  }

  escape(): RegexNode {
    const char = this.source[this.pos++]!
    if (char === 'b' || char === 'B') return {type: 'empty'}
    if (/[1-9]/.test(char) || (char === 'k' && this.source[this.pos] === '<')) {
      if (char === 'k') this.pos = this.source.indexOf('>', this.pos) + 1
      else while (/\d/.test(this.source[this.pos] ?? '')) this.pos++
      return {type: 'char', set: anyChar} // a back-reference: approximated by one character
    }
    return this.chars(this.escapeSet(char))
  }

  // The set of an escape (after the backslash), in or out of a class.
  escapeSet(char: string): CharSet {
    switch (char) {
      case 'd': return digit
      case 'D': return complement(digit)
      case 'w': return word
      case 'W': return complement(word)
      case 's': return space
      case 'S': return complement(space)
      case 'n': return single(10)
      case 'r': return single(13)
      case 't': return single(9)
      case 'f': return single(12)
      case 'v': return single(11)
      case '0': return single(0)
      case 'c': return single((this.source.charCodeAt(this.pos++) ?? 64) % 32)
      case 'p':
      case 'P':
        if (this.source[this.pos] === '{') this.pos = this.source.indexOf('}', this.pos) + 1
        return anyChar
      case 'x': {
        const hex = /^[0-9A-Fa-f]{2}/.exec(this.source.slice(this.pos))
        if (!hex) return single(0x78)
        this.pos += 2
        return single(Number.parseInt(hex[0], 16))
      }
      case 'u': {
        const hex = /^(?:[0-9A-Fa-f]{4}|\{[0-9A-Fa-f]+\})/.exec(this.source.slice(this.pos))
        if (!hex) return single(0x75)
        this.pos += hex[0].length
        return single(Number.parseInt(hex[0].replace(/[{}]/g, ''), 16))
      }
      default: return single(char.codePointAt(0)!)
    }
  }

  classSet(): CharSet {
    const negated = this.source[this.pos] === '^'
    if (negated) this.pos++
    const ranges: Array<readonly [number, number]> = []
    while (this.pos < this.source.length && this.source[this.pos] !== ']') {
      const lo = this.classAtom()
      if (this.source[this.pos] === '-' && this.source[this.pos + 1] !== ']' && this.pos + 1 < this.source.length && lo.length === 1 && lo[0]![0] === lo[0]![1]) {
        this.pos++
        const hi = this.classAtom()
        if (hi.length === 1 && hi[0]![0] === hi[0]![1]) {
          ranges.push([lo[0]![0], hi[0]![0]])
          continue
        }
        ranges.push(...lo, [0x2d, 0x2d], ...hi)
        continue
      }
      ranges.push(...lo)
    }
    this.pos++ // ']'
    const set = charSet(ranges)
    return negated ? complement(set) : set
  }

  classAtom(): CharSet {
    const char = this.source[this.pos++]!
    if (char !== '\\') return single(char.codePointAt(0)!)
    const next = this.source[this.pos++]!
    return next === 'b' ? single(8) : this.escapeSet(next)
  }

  chars(set: CharSet): RegexNode {
    return {type: 'char', set: this.flags.includes('i') ? foldCase(set) : set}
  }
}
