// `runbook annotate FILE [--write]`: print the annotated document (or write it in place); the
// placeholder rewrites and what a person must decide go to stderr. Never executes anything.
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {annotateSource} from '../../annotate/index.js'
import {UsageError} from '../../errors.js'
import {writeFileAtomic} from '../../writeback/index.js'
import {exitCodes, type Command} from '../io.js'

const usage = `Usage: runbook annotate FILE [--write]

Propose annotations for a plain runbook: \`$\` blocks become steps (ids from headings), example
output after them {expect} blocks with placeholders for volatile values, <placeholders> in commands
declared inputs used as \${NAME}, destructive commands get confirm=. Nothing is run.

Options:
  --write     apply the annotations to FILE (atomic write) instead of printing the document
  -h, --help  show this help

Exit codes: 0 annotated · 2 usage error or unreadable FILE
`

// The `annotate` command, registered in commands/index.ts.
export const annotate: Command = {
  name: 'annotate',
  summary: 'propose annotations for a plain runbook',
  usage,
  async run(args, io) {
    const {values, positionals} = parse(args)
    if (positionals.length !== 1) throw new UsageError(`expected one FILE, got ${positionals.length}. See \`runbook annotate --help\`.`)
    const file = positionals[0]!
    const absolute = path.resolve(io.cwd, file)
    let source: string
    try {
      source = await readFile(absolute, 'utf8')
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
    }
    const result = annotateSource(source, {file})
    for (const rewrite of result.rewrites) io.stderr.write(`${file}:${rewrite.line}: ${rewrite.from} → ${rewrite.to} (input ${rewrite.name})\n`)
    for (const note of result.notes) io.stderr.write(`${file}: decide: ${note}\n`)
    io.stderr.write(`${file}: ${result.steps.length} step${result.steps.length === 1 ? '' : 's'}, ${result.expectations} expectation${result.expectations === 1 ? '' : 's'}, ${result.inputs.length} input${result.inputs.length === 1 ? '' : 's'}\n`)
    if (values.write) {
      if (result.edits.length > 0) await writeFileAtomic(absolute, result.text, {original: source})
    } else io.stdout.write(result.text)
    return exitCodes.ok
  },
}

function parse(args: string[]) {
  try {
    return parseArgs({args, options: {write: {type: 'boolean'}}, allowPositionals: true, strict: true})
  } catch (error) {
    throw new UsageError(`${(error as Error).message}. See \`runbook annotate --help\`.`)
  }
}
