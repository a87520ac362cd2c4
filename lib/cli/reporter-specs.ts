// `--reporter NAME[=FILE]`, repeatable: which reporters a run feeds, and where each one writes.
import {createWriteStream, mkdirSync} from 'node:fs'
import path from 'node:path'
import type {Writable} from 'node:stream'
import {UsageError} from '../errors.js'
import {reporters, type Reporter, type ReporterName} from '../report/index.js'
import type {CliIO} from './io.js'

// One reporter asked for: its name, and the file it writes (undefined: the terminal, stdout).
export interface ReporterSpec {
  name: ReporterName
  file?: string | undefined
}

// The specs of the `--reporter` flags; when none writes to the terminal, tty (on a terminal) or plain does.
export function parseReporterSpecs(flags: readonly string[] | undefined, io: Pick<CliIO, 'stdout'>): ReporterSpec[] {
  const names = Object.keys(reporters) as ReporterName[]
  const specs: ReporterSpec[] = []
  for (const flag of flags ?? []) {
    const at = flag.indexOf('=')
    const name = (at === -1 ? flag : flag.slice(0, at)) as ReporterName
    const file = at === -1 ? undefined : flag.slice(at + 1)
    if (!names.includes(name)) throw new UsageError(`unknown reporter \`${name}\` (expected one of: ${names.join(', ')})`)
    if (file === '') throw new UsageError(`--reporter ${name}= needs a file name after \`=\``)
    if (file !== undefined && specs.some((spec) => spec.file === file)) throw new UsageError(`two reporters write to ${file}`)
    specs.push({name, file})
  }
  const onTerminal = specs.filter((spec) => spec.file === undefined)
  if (onTerminal.length > 1) {
    throw new UsageError(`only one reporter can write to the terminal, got ${onTerminal.map((s) => s.name).join(' and ')}; give the others a file: --reporter junit=out.xml`)
  }
  if (onTerminal.length === 0) specs.unshift({name: io.stdout.isTTY ? 'tty' : 'plain'})
  return specs
}

// True for the reporters people read (tty, plain); the others are for programs.
export function isHumanReporter(name: ReporterName): boolean {
  return name === 'tty' || name === 'plain'
}

// A report file, its folders created; `finish()` ends it and resolves once the bytes are written.
export function openReportFile(file: string, cwd: string): {stream: Writable; finish(): Promise<void>} {
  const absolute = path.resolve(cwd, file)
  try {
    mkdirSync(path.dirname(absolute), {recursive: true})
  } catch (error) {
    throw new UsageError(`cannot write the report ${file}: ${(error as Error).message}`)
  }
  const stream = createWriteStream(absolute)
  const failed = new Promise<never>((_, reject) => stream.once('error', (error) => reject(new UsageError(`cannot write the report ${file}: ${error.message}`))))
  failed.catch(() => {})
  return {
    stream,
    finish: () => Promise.race([new Promise<void>((resolve) => stream.end(() => resolve())), failed]),
  }
}

// A reporter whose file is ended when the reporter closes.
export function closingFile(reporter: Reporter, file: {finish(): Promise<void>}): Reporter {
  return {
    onEvent: reporter.onEvent,
    async close() {
      await reporter.close()
      await file.finish()
    },
  }
}
