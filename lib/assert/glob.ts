// ` (glob)` lines: `*` any run of characters, `?` one character, `\` escapes `*`, `?` and `\`.
// Matched with the classic two-pointer wildcard algorithm, O(pattern × text), never exponential.

type Token = {kind: 'star'} | {kind: 'one'} | {kind: 'char'; char: string}

// Split a glob into tokens.
function tokenize(glob: string): Token[] {
  const tokens: Token[] = []
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!
    // As in cram, only `\*`, `\?` and `\\` are escapes; a `\` before anything else is itself.
    if (char === '\\' && i + 1 < glob.length && '*?\\'.includes(glob[i + 1]!)) tokens.push({kind: 'char', char: glob[++i]!})
    else if (char === '*') tokens.push({kind: 'star'})
    else if (char === '?') tokens.push({kind: 'one'})
    else tokens.push({kind: 'char', char})
  }
  return tokens
}

// A function telling whether a whole line matches the glob.
export function compileGlob(glob: string): (text: string) => boolean {
  const tokens = tokenize(glob)
  return (text) => {
    let t = 0
    let p = 0
    let starP = -1
    let starT = 0
    while (t < text.length) {
      const token = tokens[p]
      if (token && (token.kind === 'one' || (token.kind === 'char' && token.char === text[t]))) {
        t++
        p++
      } else if (token && token.kind === 'star') {
        starP = p++
        starT = t
      } else if (starP >= 0) {
        p = starP + 1
        t = ++starT
      } else {
        return false
      }
    }
    while (tokens[p]?.kind === 'star') p++
    return p === tokens.length
  }
}
