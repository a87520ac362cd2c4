// `--set KEY=VALUE` flags: values are data, passed to steps through the environment only.
import {UsageError} from '../errors.js'

// Turn repeated `--set` values into a map; the first `=` splits name and value.
export function parseSetFlags(flags: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {}
  for (const flag of flags) {
    const at = flag.indexOf('=')
    const name = at === -1 ? flag : flag.slice(0, at)
    if (at === -1 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new UsageError(`--set takes KEY=VALUE with KEY a variable name, got \`${flag}\``)
    }
    values[name] = flag.slice(at + 1)
  }
  return values
}
