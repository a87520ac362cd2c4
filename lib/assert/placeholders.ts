// The placeholders an expected line may hold (SPEC §2), as regular-expression sources.
// Every source is linear-time on its own and never swallows a space, except `<any>`.

const ipv4 = '(?:\\d{1,3}\\.){3}\\d{1,3}'
const ipv6 = '(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}'
const date = '\\d{4}-\\d{2}-\\d{2}'
const time = '\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?'

// Name → regular-expression source of each placeholder.
export const placeholders: Readonly<Record<string, string>> = {
  uuid: '[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}',
  int: '[-+]?\\d+',
  number: '[-+]?(?:\\d+(?:\\.\\d+)?|\\.\\d+)(?:[eE][-+]?\\d+)?',
  hex: '(?:0[xX])?[0-9A-Fa-f]+',
  date,
  time,
  timestamp: `(?:${date}[T ]${time}(?:Z|[-+]\\d{2}(?::?\\d{2})?)?|\\d{10}(?:\\d{3})?(?:\\.\\d+)?)`,
  ip: `(?:${ipv4}|${ipv6})`,
  path: '(?:[A-Za-z]:)?[\\w.~@+%=,/\\\\-]+',
  any: '.*',
}

// True when `name` is one of the placeholders (`uuid`, `int` …); any other `<word>` is literal text.
export function isPlaceholder(name: string): boolean {
  return Object.hasOwn(placeholders, name)
}

// A regex matching exactly one placeholder's text, anchored at both ends.
export function placeholderRegex(name: string): RegExp {
  return new RegExp(`^(?:${placeholders[name]})$`)
}
