// The executor (SPEC §1, §3, §6, §11): inputs, selection, graph execution, services, signals.
// Emits typed events; never prints, never exits. `runRunbook` is its one entry point.
import {randomHex} from '../random-hex.js'
import {mkdtempSync, rmSync} from 'node:fs'
import {hostname, tmpdir} from 'node:os'
import path from 'node:path'
import type {Readable, Writable} from 'node:stream'
import {planRunbook} from '../graph.js'
import type {Runbook} from '../model.js'
import type {RunResult, StepResult, StepStatus} from '../result.js'
import type {EventListener, PlannedStep} from '../events.js'
import type {Redactor} from '../redact/index.js'
import type {Prompt, RunContext} from './context.js'
import {checkDecisions} from './decision.js'
import {dialectEnvironment, skipFailures} from './dialect-env.js'
import {documentCwd} from './document-cwd.js'
import {resolvedCommand} from './dry-run.js'
import {maskingEmitter} from './mask-events.js'
import {resolveEnvironment} from './inputs.js'
import {gitCommit, packageVersion} from './provenance.js'
import {terminalPrompt} from './prompt.js'
import {failsRun, plainResult} from './results.js'
import {runGraph} from './schedule.js'
import {InvalidRunbookError} from '../errors.js'
import {selectNodes} from './select.js'
import {missingShells} from './check-shells.js'
import {tagGapWarnings} from './select-gaps.js'
import {ShellSession} from './session.js'
import {stopServices} from './service.js'
import {removeRunCgroups, warmCgroups} from './cgroup.js'
import {recordRun, sweepDeadRuns, trackLiveSteps} from './registry.js'
import {Targets} from './targets/index.js'

export type {Prompt} from './context.js'

// How to run: where inputs come from, what to select, how to ask, where events go.
export interface RunOptions {
  env: Record<string, string | undefined>
  set: Record<string, string>
  yes: boolean
  interactive: boolean
  update?: boolean // `--update`: bless every stale `{expect}` block in one pass
  concurrency?: number
  only?: string[]
  from?: string
  target?: string
  tags: string[]
  dryRun: boolean
  resumeFrom?: {steps: Array<{id: string; status: StepStatus}>}
  timeoutMs?: number
  signal?: AbortSignal
  onEvent?: EventListener
  redactor?: Redactor
  stdin?: Readable & {isTTY?: boolean}
  stderr?: Writable
  prompt?: Prompt // overrides the terminal prompt built from stdin/stderr
}

// Fail fast (SPEC §1): the `set` options of every shell step unless front matter `shell-options` says otherwise.
export const defaultShellOptions = '-e -o pipefail'

// Default step timeout when neither the step, the front matter nor --timeout gives one.
export const defaultTimeoutMs = 10 * 60_000

// Run a parsed, valid runbook; throws UsageError (bad selection) or MissingInputError before any step.
export async function runRunbook(runbook: Runbook, options: RunOptions): Promise<RunResult> {
  // As early as can be: the first step's move into its cgroup must not wait (cgroup.ts).
  if (!options.dryRun) warmCgroups()
  const plan = planRunbook(runbook)
  const nodes = plan.nodes
  const excluded = selectNodes(nodes, options)
  const shells = missingShells(runbook, options.env, (id) => excluded.get(id) === undefined)
  if (shells.length > 0) throw new InvalidRunbookError(`${runbook.file}: ${shells.length === 1 ? 'a shell is' : 'shells are'} not installed`, shells)
  const prompt = options.prompt ?? terminalPrompt(options.stdin, options.stderr)
  const env = await resolveEnvironment(runbook, {env: options.env, set: options.set, interactive: options.interactive, prompt})
  if (!options.dryRun) checkDecisions(runbook, excluded, env, options.interactive && prompt !== undefined)
  const runId = `rb-${Date.now().toString(36)}-${randomHex(5)}`
  env['RUNBOOK_RUN_ID'] = runId
  const listener: EventListener = options.onEvent ?? (() => {})
  const emit = options.redactor ? maskingEmitter(listener, options.redactor) : listener
  const commit = gitCommit(runbook.dir)
  const started = new Date()
  const planned: PlannedStep[] = nodes.map((node) => {
    const entry: PlannedStep = {id: node.id, runner: node.runner, line: node.line, needs: node.needs, kind: node.kind}
    const title = node.step?.heading?.text
    if (title !== undefined) entry.title = title
    return entry
  })
  emit({type: 'run:start', at: Date.now(), runbook: runbook.file, runId, steps: planned, dryRun: options.dryRun})
  for (const gap of tagGapWarnings(nodes, excluded, options.tags)) emit({type: 'warning', at: Date.now(), ...gap})

  const results = new Map<string, StepResult>()
  let interrupted: 'SIGINT' | 'SIGTERM' | 'SIGHUP' | undefined
  if (options.dryRun) {
    for (const node of nodes) {
      const source = (node.step ?? node.table)!
      const reason = excluded.get(node.id)
      const condition = node.step?.options.if
      const dryReason = condition === undefined ? 'dry run: nothing executed' : `dry run: nothing executed; runs only if \`${condition}\` holds (not evaluated)`
      const result = plainResult(source, reason === undefined ? 'not-run' : 'skipped', reason ?? dryReason)
      if (condition !== undefined) result.condition = {text: condition}
      const command = resolvedCommand(node, env)
      result.command = options.redactor ? options.redactor.redact(command) : command
      results.set(node.id, result)
      emit({type: 'step:end', at: Date.now(), stepId: node.id, result})
    }
  } else {
    const tmpDir = mkdtempSync(path.join(tmpdir(), 'runbook-'))
    let files = 0
    sweepDeadRuns()
    const record = recordRun(runId, tmpDir)
    const context: RunContext = {
      runbook,
      runId,
      tmpDir,
      emit: trackLiveSteps(emit, record.update),
      redactor: options.redactor,
      signal: options.signal,
      yes: options.yes,
      interactive: options.interactive,
      update: options.update ?? false,
      ci: Boolean(env['CI']) && env['CI'] !== 'false' && env['CI'] !== '0',
      prompt,
      defaultTimeoutMs: options.timeoutMs ?? runbook.frontMatter?.timeoutMs ?? defaultTimeoutMs,
      defaultShell: runbook.frontMatter?.shell ?? 'bash',
      shellOptions: runbook.frontMatter?.shellOptions ?? defaultShellOptions,
      services: [],
      statuses: new Map(),
      nextFile: () => path.join(tmpDir, `state-${++files}`),
    }
    const dialect = dialectEnvironment(runbook, tmpDir) // Scrut and cram files: their own variables
    if (dialect) Object.assign(env, dialect.env)
    context.targets = new Targets(runbook, env, {RUNBOOK_RUN_ID: runId})
    context.remoteNames = new Set([...(runbook.frontMatter?.inputs ?? []).map((input) => input.name), ...Object.keys(runbook.frontMatter?.env ?? {}), ...Object.keys(options.set)])
    const concurrency = options.concurrency ?? runbook.frontMatter?.concurrency ?? 1
    // One step at a time: a long-lived bash forks each shell step (see session.ts).
    // Started by the first bash step that needs it: a run of only ssh, http or python steps never
    // starts one.
    let session: ShellSession | undefined
    if (concurrency <= 1 && process.platform === 'linux' && env['RUNBOOK_NO_SESSION'] === undefined) {
      context.session = {get: () => (session ??= new ShellSession(env))}
    }
    try {
      const done = await runGraph(context, nodes, excluded, {env, cwd: dialect?.cwd ?? documentCwd(runbook)}, Math.max(1, concurrency))
      for (const [id, result] of done) results.set(id, result)
      if (context.fileSkipped !== undefined) skipFailures(results, context.fileSkipped)
    } finally {
      await stopServices(context)
      await context.targets.close()
      session?.close()
      rmSync(tmpDir, {recursive: true, force: true})
      removeRunCgroups(runId)
      record.done()
    }
    const reason = options.signal?.aborted ? String(options.signal.reason) : undefined
    if (reason !== undefined) interrupted = reason === 'SIGTERM' || reason === 'SIGHUP' ? reason : 'SIGINT'
  }

  const steps = nodes.map((node) => results.get(node.id) ?? plainResult((node.step ?? node.table)!, 'not-run', 'never reached'))
  const finished = new Date()
  const result: RunResult = {
    runbook: runbook.file,
    runId,
    ok: interrupted === undefined && !steps.some(failsRun),
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: finished.getTime() - started.getTime(),
    steps,
    host: hostname(),
    version: packageVersion,
  }
  if (interrupted) result.interrupted = interrupted
  const sha = await commit
  if (sha) result.commit = sha
  emit({type: 'run:end', at: Date.now(), result})
  return result
}
