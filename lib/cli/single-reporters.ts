// The reporters of a single-file run: one on the terminal, any others into files, and GitHub Actions.
import path from 'node:path'
import {createGithubActions, createReporter, type Reporter} from '../report/index.js'
import {wantsColor} from './color.js'
import type {CliIO} from './io.js'
import {closingFile, isHumanReporter, openReportFile, parseReporterSpecs} from './reporter-specs.js'

// The reporters for `--reporter` flags; `human` says whether people read stdout (then the dry-run listing goes there).
export function createTerminalReporters(values: {reporter?: string[] | undefined; color?: boolean | undefined; 'no-color'?: boolean | undefined}, io: CliIO, evidenceDir?: string): {reporters: Reporter[]; human: boolean} {
  const specs = parseReporterSpecs(values.reporter, io)
  const color = wantsColor(values, io)
  const reporters: Reporter[] = []
  let human = false
  for (const spec of specs) {
    if (spec.file === undefined) {
      human = isHumanReporter(spec.name)
      reporters.push(createReporter(spec.name, io.stdout, {color, columns: io.stdout.columns}))
    } else {
      const file = openReportFile(spec.file, io.cwd)
      const reportDir = path.dirname(path.resolve(io.cwd, spec.file))
      reporters.push(closingFile(createReporter(spec.name, file.stream, {color: false, reportDir, evidenceDir}), file))
    }
  }
  // Machine-readable reports own stdout; workflow commands then go to stderr, which the runner reads too.
  const github = createGithubActions(io.env, human ? io.stdout : io.stderr)
  if (github) reporters.push(github)
  return {reporters, human}
}
