// Build a RunResult by hand for a parsed runbook: every step passed unless told otherwise.
import type {CapturedOutput, RunResult, StepResult} from '../../lib/result.js'
import type {Runbook} from '../../lib/model.js'

// Captured output holding the whole text.
export function captured(text: string): CapturedOutput {
  return {head: text, tail: '', omittedLines: 0, totalBytes: Buffer.byteLength(text), text}
}

// A result for each step and table of `runbook`; `steps` overrides fields by id (`stdout` as plain text).
export function makeResult(runbook: Runbook, steps: Record<string, Partial<Omit<StepResult, 'stdout' | 'stderr'>> & {stdout?: string | CapturedOutput; stderr?: string | CapturedOutput}> = {}): RunResult {
  const ids = [...runbook.steps, ...runbook.tables].sort((a, b) => a.span.start.offset - b.span.start.offset).map((node) => node.id)
  const results: StepResult[] = ids.map((id) => {
    const {stdout, stderr, ...rest} = steps[id] ?? {}
    return {
      id,
      status: 'passed',
      exitCode: 0,
      attempts: 1,
      startedAt: '2026-11-23T12:00:00.000Z',
      durationMs: 1234,
      stdout: typeof stdout === 'object' ? stdout : captured(stdout ?? `output of ${id}\n`),
      stderr: typeof stderr === 'object' ? stderr : captured(stderr ?? ''),
      expectationFailures: [],
      checks: [],
      captures: {},
      ...rest,
    }
  })
  return {
    runbook: runbook.file,
    runId: 'run-1',
    ok: results.every((r) => r.status === 'passed' || r.status === 'skipped' || r.status === 'not-run'),
    startedAt: '2026-11-23T12:00:00.000Z',
    finishedAt: '2026-11-23T12:00:05.000Z',
    durationMs: 5000,
    steps: results,
    host: 'build-host',
    commit: '0123456789abcdef0123',
    version: '0.1.0',
  }
}
