// `${VAR}` substitution in http blocks and attribute values: plain text replacement, never a shell.

const reference = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g

// Replace `${NAME}` with its value; unknown names are left as written (lint reports them).
export function interpolate(text: string, env: Readonly<Record<string, string | undefined>>): string {
  if (!text.includes('${')) return text
  return text.replace(reference, (whole, name: string) => env[name] ?? whole)
}

// The names a text refers to with `${NAME}`, in order of first use.
export function referencedNames(text: string): string[] {
  const names = new Set<string>()
  for (const match of text.matchAll(reference)) names.add(match[1]!)
  return [...names]
}
