// How the bench calls runbook: the built CLI, run once to check it really does the work before timing it.
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

// The environment that runs `runbook`, the command a user runs (dist/bin/runbook, which starts
// `node` from PATH), on this figure's Node: PATH starts with that Node's folder.
export function commandEnv(ctx) {
  return {...process.env, PATH: `${path.dirname(ctx.node)}:${process.env.PATH ?? ''}`}
}

// Spawn `node dist/bin/runbook.js ...args` and return {code, stdout, stderr, seconds}.
export function runCli(ctx, args, {cwd, timeoutMs = 120_000} = {}) {
  const started = process.hrtime.bigint()
  const r = spawnSync(ctx.node, [ctx.cli, ...args], {cwd: cwd ?? ctx.work, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 << 20, env: {...process.env, NO_COLOR: '1'}, stdio: ['ignore', 'pipe', 'pipe']})
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  return {code: r.status ?? (r.signal ? `signal ${r.signal}` : 'timeout'), stdout: r.stdout ?? '', stderr: r.stderr ?? '', seconds}
}

// First meaningful line of a failed command's output, for "not working yet" notes.
export function firstLine(r) {
  const text = `${r.stderr}\n${r.stdout}`.split('\n').map((l) => l.trim()).find(Boolean) ?? ''
  return `exit ${r.code}: ${text.slice(0, 160)}`
}

// Run FILE once with evidence and check that exactly `passed` steps passed; returns {ok, seconds, note}.
export function verifyRun(ctx, file, {passed, args = [], exit = 0}) {
  const evidence = mkdtempSync(path.join(tmpdir(), 'runbook-bench-ev-'))
  try {
    const r = runCli(ctx, ['run', file, '--reporter', 'plain', '--evidence', evidence, ...args])
    const manifest = path.join(evidence, 'manifest.json')
    if (r.code !== exit || !existsSync(manifest)) {
      // Without evidence (not built yet, or broken) the exit code is all there is to check.
      const bare = runCli(ctx, ['run', file, '--reporter', 'plain', ...args])
      if (bare.code !== exit) return {ok: false, seconds: bare.seconds, note: firstLine(bare)}
      return {ok: true, seconds: bare.seconds, note: `exit ${exit}; steps not counted (--evidence: ${firstLine(r)})`}
    }
    const steps = JSON.parse(readFileSync(manifest, 'utf8')).steps ?? []
    const count = steps.filter((s) => s.status === 'passed').length
    if (passed !== undefined && count !== passed) return {ok: false, seconds: r.seconds, note: `${count} of ${steps.length} steps passed, expected ${passed}`}
    const stepMs = steps.reduce((sum, s) => sum + (s.durationMs ?? 0), 0)
    return {ok: true, seconds: r.seconds, note: `${count} steps passed`, stepMs}
  } finally {
    rmSync(evidence, {recursive: true, force: true})
  }
}

// Number of timed runs that fits `budgetS` seconds for a command that took `seconds` once.
export function runsFor(seconds, budgetS, {min = 3, max = 10} = {}) {
  return Math.max(min, Math.min(max, Math.round(budgetS / Math.max(seconds, 0.001))))
}
