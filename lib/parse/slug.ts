// GitHub-style heading anchors, and step ids derived from them.

// The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to dashes.
export function githubSlug(text: string): string {
  const lower = text.trim().toLowerCase()
  // In ASCII the Unicode classes keep exactly a-z, 0-9 and `_`: most headings never need the
  // Unicode pattern, whose first use compiles large character tables (start-up time, issue 17).
  const kept = ascii.test(lower) ? lower.replace(notSlugAscii, '') : lower.replace(notSlug, '')
  return kept.replace(/ /g, '-')
}

const ascii = /^[\x00-\x7f]*$/
const notSlugAscii = /[^a-z0-9_\- ]/g
const notSlug = /[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu

// Hands out GitHub anchors with `-1`, `-2` … for repeated headings, as GitHub does.
export function createSlugger(): (text: string) => string {
  const seen = new Map<string, number>()
  return (text) => {
    const base = githubSlug(text)
    let slug = base
    let count = seen.get(base) ?? 0
    while (seen.has(slug)) slug = `${base}-${++count}`
    seen.set(base, count)
    seen.set(slug, 0)
    return slug
  }
}

// A valid step id (`[a-z0-9][a-z0-9._-]*`) from a heading slug: accents and other letters dropped.
export function stepIdFromSlug(slug: string): string {
  return slug
    .normalize('NFKD')
    .replace(/[^a-z0-9._-]/g, '')
    .replace(/-{2,}/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .replace(/-+$/, '')
}

// The pattern every step id must match (SPEC §1).
export const stepIdPattern = /^[a-z0-9][a-z0-9._-]*$/
