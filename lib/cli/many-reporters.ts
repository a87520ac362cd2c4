// The reporters of a many-file run: each `--reporter` spec in its many-file form, to the terminal or a file.
import path from 'node:path'
import {createManyReporter, type FileOutcome, type ManyReporter} from '../report/many/index.js'
import type {Reporter} from '../report/index.js'
import type {CliIO} from './io.js'
import {isHumanReporter, openReportFile, parseReporterSpecs} from './reporter-specs.js'
import {wantsColor} from './color.js'

// All the many-file reporters of a run, driven as one.
export interface ManyReporters {
  human: boolean // people read stdout
  start(file: string): Reporter[]
  end(file: string, outcome: FileOutcome): void
  skip(file: string, why: string): void
  close(): Promise<void>
}

// Build the reporters the `--reporter` flags ask for; `files` is the report order.
export function createManyReporters(flags: readonly string[] | undefined, io: CliIO, files: string[], color = wantsColor({}, io)): ManyReporters {
  const specs = parseReporterSpecs(flags, io)
  const all: ManyReporter[] = []
  const finishers: Array<() => Promise<void>> = []
  let human = false
  for (const spec of specs) {
    if (spec.file === undefined) {
      human = isHumanReporter(spec.name)
      all.push(createManyReporter(spec.name, io.stdout, {color, columns: io.stdout.columns, files}))
    } else {
      const file = openReportFile(spec.file, io.cwd)
      all.push(createManyReporter(spec.name, file.stream, {color: false, files, reportDir: path.dirname(path.resolve(io.cwd, spec.file))}))
      finishers.push(file.finish)
    }
  }
  return {
    human,
    start: (file) => all.map((reporter) => reporter.start(file)),
    end: (file, outcome) => all.forEach((reporter) => reporter.end(file, outcome)),
    skip: (file, why) => all.forEach((reporter) => reporter.skip(file, why)),
    async close() {
      for (const reporter of all) await reporter.close()
      for (const finish of finishers) await finish()
    },
  }
}
