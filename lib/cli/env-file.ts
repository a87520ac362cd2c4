// `--env-file FILE`: KEY=VALUE lines, `#` comments, optional `export `, single or double quotes.
import {readFile} from 'node:fs/promises'
import {UsageError} from '../errors.js'

// Read an env file into a map; a malformed line is a usage error with its line number.
export async function readEnvFile(file: string): Promise<Record<string, string>> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read --env-file ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`)
  })
  return parseEnvFile(text, file)
}

// Parse the text of an env file.
export function parseEnvFile(text: string, file = '<env-file>'): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line)
    if (!match) throw new UsageError(`${file}:${index + 1}:1: expected KEY=VALUE, got \`${line}\``)
    let value = match[2]!
    const quote = value[0]
    if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2) {
      value = value.slice(1, -1)
      if (quote === '"') value = value.replace(/\\n/g, '\n').replace(/\\(["\\])/g, '$1')
    } else {
      value = value.replace(/\s+#.*$/, '')
    }
    values[match[1]!] = value
  }
  return values
}
