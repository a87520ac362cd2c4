// The encodings in which a secret value may show up in output (SPEC §11).

const minLength = 6

// Every form of `value` worth masking: raw, per-line, URL-encoded, JSON-escaped, shell-quoted, base64.
export function secretForms(value: string): string[] {
  const forms = new Set<string>()
  const add = (form: string) => {
    if (form.length >= minLength) forms.add(form)
  }
  const pieces = [value]
  if (/[\r\n]/.test(value)) for (const line of value.split(/\r?\n|\r/)) pieces.push(line)
  for (const piece of pieces) {
    if (piece.length < minLength) continue
    add(piece)
    const url = encodeURIComponent(piece)
    add(url)
    add(url.replace(/%20/g, '+'))
    add(url.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()))
    // Python's `quote()` (and most URL builders): `'()*!` escaped, `/` kept; `quote_plus()`: spaces as `+`.
    const quoted = url.replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
    add(quoted)
    add(quoted.replace(/%2F/g, '/'))
    add(quoted.replace(/%20/g, '+'))
    // Host names come back lower-cased (a DNS error naming the host a secret was part of).
    add(piece.toLowerCase())
    add(JSON.stringify(piece).slice(1, -1))
    add(piece.replace(/'/g, `'\\''`))
    add(piece.replace(/'/g, `'"'"'`))
    add(piece.replace(/(["\\$`])/g, '\\$1'))
    add(piece.replace(/([^A-Za-z0-9_\-.,:/@=+%])/g, '\\$1'))
    for (const form of base64Forms(piece)) add(form)
    for (const form of base64Forms(`${piece}\n`)) add(form) // `echo "$SECRET" | base64`
  }
  return [...forms]
}

// The base64 text a value produces wherever it starts in an encoded stream: three byte offsets,
// each trimmed to the characters that depend on the value's bytes alone (standard and URL-safe).
export function base64Forms(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8')
  const forms: string[] = []
  for (let shift = 0; shift < 3; shift++) {
    const shifted = Buffer.concat([Buffer.alloc(shift), bytes])
    const padded = shifted.toString('base64')
    const first = Math.ceil((shift * 8) / 6)
    const last = Math.floor((shifted.length * 8) / 6)
    const inner = padded.slice(first, last) // wherever the value ends
    const final = padded.slice(first) // when the value ends the encoded data
    for (const form of [inner, final, final.replace(/=+$/, '')]) forms.push(form, form.replace(/\+/g, '-').replace(/\//g, '_'))
  }
  return forms
}

// Values shorter than this are not masked (too likely to hide ordinary text); a warning says so.
export const minimumSecretLength = minLength
