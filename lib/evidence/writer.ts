// `--evidence DIR`: manifest, complete logs, HTTP results and the written-back report (SPEC §9).
import {mkdirSync, realpathSync} from 'node:fs'
import {hostname} from 'node:os'
import path from 'node:path'
import {version} from '../version.js'
import type {EventListener, RunEvent} from '../events.js'
import type {Runbook} from '../model.js'
import type {HttpCheckResult, RunResult} from '../result.js'
import type {Redactor} from '../redact/index.js'
import {finalManifest, manifestStep, type Manifest} from './manifest.js'
import {ensureFolder, inside, safeName, writeWhole} from './paths.js'
import {StepLogs} from './step-logs.js'
import {copyArtifacts} from './artifacts.js'

// Receives the run's events and, at the end, the result and the report.
export interface EvidenceWriter {
  onEvent: EventListener
  finish(result: RunResult, report: string): Promise<void>
}

// Create DIR and return a writer that keeps a partial manifest current after every step.
export async function createEvidence(dir: string, runbook: Runbook, options: {redactor: Redactor}): Promise<EvidenceWriter> {
  mkdirSync(dir, {recursive: true})
  const root = realpathSync(dir)
  const stepsDir = inside(root, 'steps')
  ensureFolder(stepsDir)
  const {redactor} = options
  const logs = new Map<string, StepLogs>()
  const names = new Map<string, string>()
  const checks: HttpCheckResult[] = []
  const failures: Error[] = []
  const manifest: Manifest = {
    runbook: runbook.file,
    version,
    commit: null,
    host: hostname(),
    startedAt: new Date().toISOString(),
    ok: false,
    partial: true,
    steps: [],
  }
  const writeJson = (name: string, value: unknown) => writeWhole(inside(root, name), redactor.redact(`${JSON.stringify(value, null, 2)}\n`))
  const nameOf = (id: string) => {
    let name = names.get(id)
    if (name === undefined) {
      const base = safeName(id)
      const taken = new Set(names.values())
      name = base
      for (let n = 2; taken.has(name); n++) name = `${base}-${n}`
      names.set(id, name)
    }
    return name
  }
  const logsOf = (id: string) => {
    let stepLogs = logs.get(id)
    if (!stepLogs) {
      stepLogs = new StepLogs(stepsDir, nameOf(id), redactor)
      logs.set(id, stepLogs)
    }
    return stepLogs
  }
  // A host's logs: steps/<step>/<host>/ (SPEC §13).
  const hostLogsOf = (id: string, host: string) => {
    const key = `${id}@${host}`
    let stepLogs = logs.get(key)
    if (!stepLogs) {
      const stepDir = inside(stepsDir, nameOf(id))
      ensureFolder(stepDir)
      stepLogs = new StepLogs(stepDir, safeName(host), redactor)
      logs.set(key, stepLogs)
    }
    return stepLogs
  }
  const codeOf = (id: string) => runbook.steps.find((step) => step.id === id)?.code

  const onEvent = (event: RunEvent) => {
    switch (event.type) {
      case 'run:start':
        manifest.runId = event.runId
        manifest.startedAt = new Date(event.at).toISOString()
        manifest.steps = event.steps.map((step) => ({id: step.id, status: 'not-run', exitCode: null, attempts: 0, durationMs: 0}))
        writeJson('manifest.json', manifest)
        return
      case 'step:start':
        logsOf(event.stepId).start(event.attempt, event.command ?? codeOf(event.stepId))
        return
      case 'step:output':
        ;(event.host === undefined ? logsOf(event.stepId) : hostLogsOf(event.stepId, event.host)).write(event.stream, event.chunk)
        return
      case 'host:start':
        hostLogsOf(event.stepId, event.host).start(event.attempt, event.command ?? codeOf(event.stepId))
        return
      case 'host:end':
        logs.get(`${event.stepId}@${event.host}`)?.close()
        return
      case 'check':
        checks.push(event.check)
        return
      case 'step:end': {
        logs.get(event.stepId)?.close()
        const artifacts = event.result.artifacts
        if (artifacts && artifacts.length > 0) {
          const problems = copyArtifacts(inside(stepsDir, nameOf(event.stepId)), artifacts, redactor)
          if (problems.length > 0) failures.push(new Error(`artifacts of \`${event.stepId}\`: ${problems.join('; ')}`))
        }
        const entry = manifestStep(event.result, names.has(event.stepId) ? `steps/${names.get(event.stepId)}` : undefined)
        const index = manifest.steps.findIndex((step) => step.id === event.stepId)
        if (index === -1) manifest.steps.push(entry)
        else manifest.steps[index] = entry
        writeJson('manifest.json', manifest)
        return
      }
      default:
        return
    }
  }

  return {
    onEvent(event) {
      try {
        onEvent(event)
      } catch (error) {
        failures.push(error as Error)
      }
    },
    async finish(result, report) {
      for (const stepLogs of logs.values()) stepLogs.close()
      const dirs = new Map([...names].map(([id, name]) => [id, `steps/${name}`]))
      const all = result.steps.flatMap((step) => step.checks)
      writeJson('results.json', resultsOf(all.length > 0 ? all : checks))
      writeWhole(inside(root, 'report.md'), redactor.redact(report))
      writeJson('manifest.json', finalManifest(result, dirs))
      if (failures.length > 0) throw new Error(`could not write all evidence to ${path.relative(process.cwd(), root) || root}: ${failures[0]!.message}`, {cause: failures[0]})
    },
  }
}

// results.json: one entry per HTTP request (pass, status, latency, and what failed).
function resultsOf(checks: HttpCheckResult[]) {
  return checks.map((check) => ({
    stepId: check.stepId,
    ...(check.row === undefined ? {} : {row: check.row}),
    method: check.method,
    url: check.url,
    pass: check.ok,
    status: check.status ?? null,
    latencyMs: check.latencyMs === undefined ? null : Math.round(check.latencyMs),
    failures: check.failures,
    ...(check.error ? {error: check.error} : {}),
  }))
}
