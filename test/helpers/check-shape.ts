// Runtime checks of JSON values that are typed against the TypeScript types they check: a
// `Shape<T>` must name every field of T, with the right optionality and value type, or tsc fails.

// A check of one value: the problems it finds, each saying where. The phantom makes Check<V>
// invariant in V, so a check of `string` does not pass for a field typed `'stdout' | 'stderr'`.
export type Check<V> = ((value: unknown, at: string) => string[]) & {readonly phantom?: (value: V) => V}

// One field of a shape: its check, and whether the type lets it be absent.
export interface Field<V, Optional extends boolean> {
  check: Check<V>
  optional: Optional
}

// Every field of T, each with a check of its type; `{} extends Pick<T, K>` is true for optional ones.
export type Shape<T> = {[K in keyof T]-?: {} extends Pick<T, K> ? Field<Exclude<T[K], undefined>, true> : Field<T[K], false>}

const check = <V>(test: (value: unknown, at: string) => string[]) => test as Check<V>
const kind = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value)
const typed = <V>(name: string) => check<V>((value, at) => (kind(value) === name ? [] : [`${at}: expected ${name}, got ${kind(value)}`]))

// A field the type requires.
export const required = <V>(test: Check<V>): Field<V, false> => ({check: test, optional: false})
// A field the type marks optional (`?:`).
export const optional = <V>(test: Check<V>): Field<V, true> => ({check: test, optional: true})

// Checks of JSON's primitive types.
export const string = typed<string>('string')
// A finite number.
export const number = check<number>((value, at) => (typeof value === 'number' && Number.isFinite(value) ? [] : [`${at}: expected a number, got ${JSON.stringify(value)}`]))
// true or false.
export const boolean = typed<boolean>('boolean')

// One of the given literal values (a string-literal union such as a status).
export function oneOf<const V extends string>(...values: V[]): Check<V> {
  return check<V>((value, at) => (values.includes(value as V) ? [] : [`${at}: expected one of ${values.join(', ')}, got ${JSON.stringify(value)}`]))
}

// The value, or null.
export function nullable<V>(test: Check<V>): Check<V | null> {
  return check<V | null>((value, at) => (value === null ? [] : test(value, at)))
}

// An array whose every item passes.
export function arrayOf<V>(test: Check<V>): Check<V[]> {
  return check<V[]>((value, at) => (Array.isArray(value) ? value.flatMap((item, index) => test(item, `${at}[${index}]`)) : [`${at}: expected array, got ${kind(value)}`]))
}

// An object used as a map from strings to values that pass.
export function recordOf<V>(test: Check<V>): Check<Record<string, V>> {
  return check<Record<string, V>>((value, at) => (kind(value) === 'object' ? Object.entries(value as object).flatMap(([key, item]) => test(item, `${at}.${key}`)) : [`${at}: expected object, got ${kind(value)}`]))
}

// A check defined later (for types that refer to each other).
export function lazy<V>(get: () => Check<V>): Check<V> {
  return check<V>((value, at) => get()(value, at))
}

// An object with exactly the shape's fields: each required one present, none the type does not know.
export function object<T>(shape: Shape<T>): Check<T> {
  const fields = shape as Record<string, Field<unknown, boolean>>
  return check<T>((value, at) => {
    if (kind(value) !== 'object') return [`${at}: expected object, got ${kind(value)}`]
    const record = value as Record<string, unknown>
    const problems = Object.keys(record).filter((key) => !(key in fields)).map((key) => `${at}.${key}: a field the type does not have`)
    for (const [key, field] of Object.entries(fields)) {
      if (record[key] === undefined) {
        if (!field.optional) problems.push(`${at}.${key}: missing`)
      } else problems.push(...field.check(record[key], `${at}.${key}`))
    }
    return problems
  })
}
