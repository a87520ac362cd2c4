// The CLI: picks the command, turns thrown errors into messages and exit codes.
import {exitCodes, type CliIO} from './io.js'
import {commands, type CommandEntry} from './commands/index.js'
import {reportError} from './report-error.js'
import {version} from '../version.js'

export {version}

function globalHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length))
  return [
    'runbook — run Markdown runbooks, check their expected output, write back the results',
    '',
    'Usage: runbook <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     show help (also `runbook <command> --help`)',
    '  -v, --version  print the version',
    '      --debug    print stacks of internal errors',
    '',
    'Exit codes: 0 passed · 1 a step or check failed · 2 usage error, invalid runbook or missing input',
    '            3 internal error · 129 hung up (SIGHUP) · 130 interrupted (SIGINT) · 143 terminated (SIGTERM)',
    '',
  ].join('\n')
}

// Run the CLI with `argv` (without node and the script) and return the exit code.
export async function main(argv: string[], io: CliIO): Promise<number> {
  const debug = argv.includes('--debug')
  const args = argv.filter((a) => a !== '--debug')
  const [name, ...rest] = args
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    const target = name === 'help' ? commands.find((c) => c.name === rest[0]) : undefined
    io.stdout.write(target ? (await target.load()).usage : globalHelp())
    return name === undefined ? exitCodes.usage : exitCodes.ok
  }
  if (name === '-v' || name === '--version' || name === 'version') {
    io.stdout.write(`${version}\n`)
    return exitCodes.ok
  }
  const entry: CommandEntry | undefined = commands.find((c) => c.name === name)
  if (!entry) {
    const names = commands.map((c) => c.name).join(', ')
    io.stderr.write(`runbook: unknown command \`${name}\` (expected one of: ${names}). See \`runbook --help\`.\n`)
    return exitCodes.usage
  }
  try {
    const command = await entry.load()
    if (rest.includes('-h') || rest.includes('--help')) {
      io.stdout.write(command.usage)
      return exitCodes.ok
    }
    return await command.run(rest, debug ? {...io, debug} : io)
  } catch (error) {
    return reportError(error, io, debug)
  }
}
