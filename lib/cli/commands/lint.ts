// `runbook lint [PATH|GLOB ...]`: check runbooks (and any Markdown) without running anything.
import {parseArgs} from 'node:util'
import path from 'node:path'
import {UsageError} from '../../errors.js'
import {findFiles, formatters, lintFiles, loadConfig, type FormatName} from '../../lint/index.js'
import {exitCodes, type Command} from '../io.js'
import {version} from '../main.js'

const usage = `Usage: runbook lint [PATH|GLOB ...] [options]

Check runbooks and other Markdown without running anything. PATH is a file or a folder (searched
for *.md, honouring .gitignore, skipping node_modules); quote globs: 'docs/**/*.md'. Default: .

Options:
  --format NAME          stylish (default) | json | github | sarif
  --config FILE          configuration (default: ./.runbookrc.json if present)
  --max-warnings N       exit 1 when there are more than N warnings
  --fix                  apply safe fixes (misspelt attribute keys, a missing \`bash\` language)
  --cache                reuse results of unchanged files (in .runbook-cache/)
  --cache-location DIR   where the cache lives
  --quiet                report errors only
  -h, --help             show this help

Disable rules in a file with <!-- runbook-lint-disable RULE -->, <!-- runbook-lint-enable RULE -->
or <!-- runbook-lint-disable-next-line RULE -->. Rules: docs/rules/<rule-id>.md.

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
    const files = findFiles(positionals, {cwd: io.cwd, ignore: config.ignore})
    if (files.length === 0 && positionals.length > 0) throw new UsageError(`no Markdown files match ${positionals.map((p) => `\`${p}\``).join(', ')}`)
    const cacheDir = values['cache-location'] ?? '.runbook-cache'
    const results = await lintFiles(files, {
      cwd: io.cwd,
      config,
      fix: values.fix === true,
      ...(values.cache || values['cache-location'] ? {cache: {location: path.resolve(io.cwd, cacheDir), key: `${version}:${JSON.stringify(config)}`}} : {}),
    })
    let status: number = exitCodes.ok
    for (const r of results) {
      if (r.error) {
        io.stderr.write(`runbook: ${r.error}\n`)
        status = exitCodes.usage
      }
    }
    let messages = results.flatMap((r) => r.messages)
    if (values.quiet) messages = messages.filter((m) => m.severity === 'error')
    const color = format === 'stylish' && io.stdout.isTTY === true && !io.env['NO_COLOR']
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
      },
    })
  } catch (error) {
    throw new UsageError(`${(error as Error).message}. See \`runbook lint --help\`.`)
  }
}
