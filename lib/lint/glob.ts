// Glob patterns (`**/*.md`, `docs/*.md`, `{a,b}`) and gitignore patterns to regular expressions.

// True when `text` holds glob syntax.
export function isGlob(text: string): boolean {
  return /[*?[{]/.test(text)
}

// A regex for a `/`-separated path matched against the whole glob.
export function globToRegExp(glob: string): RegExp {
  let re = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/'
        re += slash ? '(?:.*/)?' : '.*'
        i += slash ? 2 : 1
      } else re += '[^/]*'
    } else if (c === '?') re += '[^/]'
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1)
      if (close === -1) re += '\\['
      else {
        re += `[${glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`
        i = close
      }
    } else if (c === '{') {
      const close = glob.indexOf('}', i + 1)
      if (close === -1) re += '\\{'
      else {
        re += `(?:${glob.slice(i + 1, close).split(',').map((part) => globToRegExp(part).source.slice(1, -1)).join('|')})`
        i = close
      }
    } else if (c === '\\' && i + 1 < glob.length) re += `\\${glob[++i]}`
    else re += /[.+^$()|\\/]/.test(c) ? `\\${c}` : c
  }
  return new RegExp(`^${re}$`)
}

// The folder part of a glob before its first glob character (`docs/**/*.md` → `docs`).
export function globBase(glob: string): string {
  const parts = glob.split('/')
  const base: string[] = []
  for (const part of parts) {
    if (isGlob(part)) break
    base.push(part)
  }
  if (base.length === parts.length) base.pop()
  return base.join('/') || '.'
}
