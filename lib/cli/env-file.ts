// `--env-file FILE`: dotenv lines read by Node's own parser (`util.parseEnv`): `#` comments,
// optional `export `, single, double or backtick quotes, values spanning lines inside quotes.
import {parseEnv} from 'node:util'
import {UsageError} from '../errors.js'
import {fsPromises} from '../fs-promises.js'

// Read an env file into a map; a missing file, a folder or a malformed line is a usage error.
export async function readEnvFile(file: string, shown = file): Promise<Record<string, string>> {
  const {readFile, stat} = fsPromises()
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`--env-file ${shown}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`)
  })
  if (!info.isFile()) throw new UsageError(`--env-file ${shown}: not a regular file`)
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`--env-file ${shown}: cannot read it: ${error.code ?? error.message}`)
  })
  return parseEnvFile(text, shown)
}

// Parse the text of an env file; lines are checked first because Node's parser skips bad ones.
export function parseEnvFile(text: string, file = '<env-file>'): Record<string, string> {
  checkLines(text, file)
  const values: Record<string, string> = {}
  for (const [name, value] of Object.entries(parseEnv(text))) if (value !== undefined) values[name] = value
  return values
}

// Every line is blank, a comment, `KEY=VALUE`, or inside a quoted value opened above. A bad line is
// reported by number only: it may hold a secret, so its text is never echoed.
function checkLines(text: string, file: string): void {
  const lines = text.split(/\r?\n/)
  let open: string | undefined // the quote of a value still open from an earlier line
  for (const [index, raw] of lines.entries()) {
    if (open !== undefined) {
      if (raw.includes(open)) open = undefined
      continue
    }
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line)
    if (!match) {
      const where = `${file}:${index + 1}:1`
      throw new UsageError(`${where}: expected KEY=VALUE with KEY a variable name (the line is not shown: it may hold a secret)`)
    }
    const value = match[2]!
    const quote = value[0]
    if ((quote === '"' || quote === "'" || quote === '`') && !value.slice(1).includes(quote)) open = quote
  }
  if (open !== undefined) throw new UsageError(`${file}: a value opened with ${open} is never closed`)
}
