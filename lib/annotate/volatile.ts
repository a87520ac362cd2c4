// Example output → an `{expect}` body: volatile values (uuids, timestamps, pod suffixes, ages, IPs)
// become placeholders. Column tables (widths follow the data) are left as illustration.

const rules: Array<[RegExp, string]> = [
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>'],
  [/\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?\b/g, '<timestamp>'],
  [/\b((?:[a-z0-9]+-)+)[a-z0-9]{8,10}-[a-z0-9]{5}\b/g, '$1<any>'], // deployment pods: name-<rs hash>-<suffix>
  [/\b((?:[a-z0-9]+-)+)(?=[a-z0-9]*\d)[a-z0-9]{5}\b/g, '$1<any>'], // daemonset / job pods: name-<suffix>
  [/\b(?:\d{1,3}\.){3}\d{1,3}\b/g, '<ip>'],
]

// The `{expect}` body for an example output, or undefined when it cannot hold (left as illustration).
export function expectationFor(example: string): string | undefined {
  const lines = example.replace(/\n$/, '').split('\n')
  if (lines.length === 0 || lines.length > 30 || lines.every((line) => line.trim() === '')) return undefined
  if (lines.some((line) => /\S {3,}\S/.test(line) || line.includes('\t'))) return undefined // a column table
  if (lines.some((line) => /(?:^|\s)(?:\.\.\.|…)(?:\s|$)/.test(line) && line.trim() !== '...')) return undefined // elided by hand
  if (lines.some((line) => /(?<![<\w$])<[A-Za-z][\w .-]*>/.test(line) || / \((?:re|glob|esc)\)$/.test(line))) return undefined
  return lines.map(placeholders).join('\n') + '\n'
}

// One line with its volatile values replaced.
export function placeholders(line: string): string {
  let out = line
  for (const [pattern, replacement] of rules) out = out.replace(pattern, replacement)
  return out.replace(/\b\d+(?:d|h|m|s)(?:\d+(?:h|m|s))?\b(?= *$)/, '<any>') // a trailing age: 5d, 3h20m
}
