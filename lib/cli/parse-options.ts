// `util.parseArgs` errors said in the CLI's own words: "unknown option `--bogus` (did you mean
// `--...`?)" instead of Node's raw text about positionals after `--`.
import {UsageError} from '../errors.js'
import {suggest} from '../parse/suggest.js'

// The UsageError (exit 2) for a parseArgs failure of `command`; flags for "did you mean" come from its usage text.
export function optionError(error: unknown, command: string, usage: string): UsageError {
  return new UsageError(`${describe(error as Error & {code?: string}, usage)}. See \`runbook ${command} --help\`.`)
}

function describe(error: Error & {code?: string}, usage: string): string {
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const flag = (/'([^']+)'/.exec(error.message)?.[1] ?? '').split('=')[0]!
    const names = [...new Set(usage.match(/--[a-z][a-z-]*/g) ?? [])]
    const hint = flag.startsWith('--') ? suggest(flag, names) : undefined
    return `unknown option \`${flag}\`${hint ? ` (did you mean \`${hint}\`?)` : ''}`
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = /'(-{1,2}[^' <]+)/.exec(error.message)?.[1] ?? ''
    if (/argument missing/.test(error.message)) return `option \`${flag}\` needs a value`
    if (/does not take an argument/.test(error.message)) return `option \`${flag}\` takes no value`
  }
  return error.message.replace(/\.$/, '')
}
