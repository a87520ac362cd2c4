// `runbook lint [PATH|GLOB ...]`: check runbooks (and any Markdown) without running anything.
import {parseArgs} from 'node:util'
import path from 'node:path'
import {UsageError} from '../../errors.js'
import {optionError} from '../parse-options.js'
import {findFiles, formatters, lintFiles, loadConfig, type FileResult, type FormatName, type LintConfig} from '../../lint/index.js'
import {colorOptions, wantsColor} from '../color.js'
import {exitCodes, type CliIO, type Command} from '../io.js'
import {lintSource} from '../../lint/index.js'
import {readStreamSource} from '../../lint/read-source.js'
import {version} from '../../version.js'

const usage = `Usage: runbook lint [PATH|GLOB|- ...] [options]

Check runbooks and other Markdown without running anything. PATH is a file or a folder (searched
for *.md, honouring .gitignore, skipping node_modules); quote globs: 'docs/**/*.md'. Default: .
\`-\` reads the document from standard input.

Options:
  --format NAME          stylish (default) | json | github | sarif | junit | codequality
  --stdin-filename NAME  the name findings give the document read from \`-\` (and the base of its links)
  --config FILE          configuration (default: ./.runbookrc.json if present)
  --max-warnings N       exit 1 when there are more than N warnings
  --fix                  apply safe fixes (misspelt attribute keys, a missing \`bash\` language)
  --cache                reuse results of unchanged files (in .runbook-cache/)
  --cache-location DIR   where the cache lives
  --quiet                report errors only
  --color, --no-color    force colour on or off (default: on a terminal; FORCE_COLOR, NO_COLOR)
  -h, --help             show this help

Disable rules with <!-- runbook-lint-disable RULE -->, <!-- runbook-lint-enable RULE -->,
<!-- runbook-lint-disable-line RULE -->, <!-- runbook-lint-disable-next-line RULE --> or
<!-- runbook-lint-disable-file RULE -->; add the reason after \` -- \`. Rules: docs/rules/<rule-id>.md.

Exit codes: 0 no errors · 1 an error, or more warnings than --max-warnings · 2 usage error or bad config
`

// The `lint` command: find files, lint them (in workers, with the cache), print, pick the exit code.
export const lint: Command = {
  name: 'lint',
  summary: 'check runbooks without running anything',
  usage,
  async run(args, io) {
    const {values, positionals} = parse(args)
    const format = (values.format ?? 'stylish') as FormatName
    if (!(format in formatters)) throw new UsageError(`unknown --format \`${values.format}\` (expected one of: ${Object.keys(formatters).join(', ')})`)
    let maxWarnings = -1
    if (values['max-warnings'] !== undefined) {
      maxWarnings = Number(values['max-warnings'])
      if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings expects a whole number, got \`${values['max-warnings']}\``)
    }
    const config = loadConfig(values.config, io.cwd)
    const fromStdin = positionals.includes('-')
    const paths = positionals.filter((p) => p !== '-')
    if (values['stdin-filename'] !== undefined && !fromStdin) throw new UsageError('--stdin-filename names the document read from `-`; add `-` to the paths')
    if (fromStdin && values.fix) throw new UsageError('--fix cannot write back a document read from standard input')
    const files = paths.length > 0 || !fromStdin ? findFiles(paths, {cwd: io.cwd, ignore: config.ignore}) : []
    if (files.length === 0 && paths.length > 0) throw new UsageError(`no Markdown files match ${positionals.map((p) => `\`${p}\``).join(', ')}`)
    const cacheDir = values['cache-location'] ?? '.runbook-cache'
    const results = await lintFiles(files, {
      cwd: io.cwd,
      config,
      fix: values.fix === true,
      ...(values.cache || values['cache-location'] ? {cache: {location: path.resolve(io.cwd, cacheDir), key: `${version}:${JSON.stringify(config)}`}} : {}),
    })
    if (fromStdin) results.unshift(await lintStdin(io, values['stdin-filename'], config))
    let status: number = exitCodes.ok
    for (const r of results) {
      if (r.error) {
        io.stderr.write(`runbook: ${r.error}\n`)
        status = exitCodes.usage
      }
    }
    let messages = results.flatMap((r) => r.messages)
    if (values.quiet) messages = messages.filter((m) => m.severity === 'error')
    const color = format === 'stylish' && wantsColor(values, io)
    // Wait until the report is flushed: large reports into a pipe must not be cut by the exit.
    await new Promise<void>((resolve) => io.stdout.write(formatters[format]({messages, cwd: io.cwd, color, version}), () => resolve()))
    const fixed = results.reduce((n, r) => n + r.fixed, 0)
    if (fixed > 0) io.stderr.write(`runbook: applied ${fixed} fix${fixed === 1 ? '' : 'es'}\n`)
    const errors = messages.filter((m) => m.severity === 'error').length
    const warnings = results.flatMap((r) => r.messages).filter((m) => m.severity === 'warning').length
    if (status !== exitCodes.ok) return status
    if (errors > 0) return exitCodes.failed
    if (maxWarnings >= 0 && warnings > maxWarnings) {
      io.stderr.write(`runbook: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`)
      return exitCodes.failed
    }
    return exitCodes.ok
  },
}

// The document on standard input, linted as `--stdin-filename` (default `<stdin>` in the current folder).
async function lintStdin(io: CliIO, stdinName: string | undefined, config: LintConfig): Promise<FileResult> {
  const name = stdinName ?? '<stdin>'
  const read = await readStreamSource(io.stdin, name)
  if ('error' in read) return {file: name, messages: [], fixed: 0, deps: {}, error: read.error}
  const absolute = path.resolve(io.cwd, name)
  return {file: name, messages: lintSource(read.source, {file: name, dir: path.dirname(absolute), config}), fixed: 0, deps: {}}
}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: {type: 'string', short: 'f'},
        config: {type: 'string', short: 'c'},
        'max-warnings': {type: 'string'},
        fix: {type: 'boolean'},
        cache: {type: 'boolean'},
        'cache-location': {type: 'string'},
        quiet: {type: 'boolean'},
        'stdin-filename': {type: 'string'},
        ...colorOptions,
      },
    })
  } catch (error) {
    throw optionError(error, 'lint', usage)
  }
}
