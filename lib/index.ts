// The public API of runbook. Everything outside lib/ imports from here.

// The model, results and events (types only).
export type * from './model.js'
export type * from './result.js'
export type * from './events.js'
export {Diagnostic, hasErrors} from './diagnostic.js'
export {RunbookError, InvalidRunbookError, MissingInputError, UsageError} from './errors.js'

// Markdown → runbook model → step graph.
export {parseRunbook, readRunbook, assertRunnable, type ParseOptions} from './parse/index.js'
export {planRunbook, type Plan, type PlanNode} from './graph.js'
export {renderPlan, planFormats, type PlanFormat} from './plan/index.js'

// Running: the executor, output matching and HTTP checks.
export {runRunbook, type RunOptions} from './run/index.js'
export {matchExpectation, matchText, matchJson, blessText, exitAccepted, checkRegexSafety} from './assert/index.js'
export {runHttpStep, runCheckTable, type HttpContext} from './http/index.js'

// After a run: redaction, write-back, evidence, reporters.
export {collectSecrets, createRedactor, type Redactor} from './redact/index.js'
export {renderWriteBack, writeFileAtomic, applyEdits, type Edit} from './writeback/index.js'
export {createEvidence, readLastRun, type EvidenceWriter, type Manifest} from './evidence/index.js'
export {createReporter, createGithubActions, reporters, type Reporter, type ReporterName} from './report/index.js'
export {createManyReporter, manyReporters, type FileOutcome, type ManyReporter} from './report/many/index.js'

// Annotating plain runbooks (never executes).
export {annotateSource, type AnnotateResult} from './annotate/index.js'

// Lint.
export {lintFiles, lintRunbook, lintSource, rules, defineRule, formatters, loadConfig} from './lint/index.js'
export type {LintConfig, LintMessage, Rule, FormatName} from './lint/index.js'

// The CLI as a function (argv, io) → exit code.
export {main} from './cli/main.js'
export {version} from './version.js'
export type {CliIO, Command} from './cli/io.js'
export {interpolate} from './interpolate.js'
export {skipKillGrace} from './run/kill-tree.js'
export {parseDuration, formatDuration} from './duration.js'
export {stripAnsi} from './ansi.js'
