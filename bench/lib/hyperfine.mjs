// Time commands with hyperfine (no intermediate shell, warmups, several runs) and return medians.
import {execFileSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

// Run hyperfine over `commands` ({name, command}) and return {name: {median, mean, min, max, runs}} in seconds.
// `options.env`: the environment of hyperfine and so of the commands.
// Each command is timed on its own, so a failure names its command; a failure is retried once
// (other engineers rebuild dist/ while the bench runs, and a half-written file fails one run).
export function hyperfine(commands, options = {}) {
  const out = {}
  for (const c of commands) {
    try {
      Object.assign(out, hyperfineOnce([c], options))
    } catch {
      try {
        Object.assign(out, hyperfineOnce([c], options))
      } catch (error) {
        throw new Error(`${c.name}: ${error.message}`)
      }
    }
  }
  return out
}

function hyperfineOnce(commands, {warmup = 1, runs = 5, cwd, prepare, ignoreFailure = false, env} = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'runbook-bench-'))
  const json = path.join(dir, 'out.json')
  const args = ['-N', '--style', 'none', '--warmup', String(warmup), '--runs', String(runs), '--export-json', json]
  if (prepare) args.push('--prepare', prepare)
  if (ignoreFailure) args.push('-i')
  for (const c of commands) args.push('-n', c.name, c.command)
  try {
    execFileSync('hyperfine', args, {cwd, env: env ?? process.env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 16 << 20})
    const data = JSON.parse(readFileSync(json, 'utf8'))
    const out = {}
    for (const r of data.results) {
      out[r.command] = {median: r.median, mean: r.mean, min: r.min, max: r.max, stddev: r.stddev, runs: r.times.length, cpu: r.user + r.system}
    }
    return out
  } catch (error) {
    const stderr = error.stderr ? String(error.stderr).trim().split('\n').slice(-3).join(' ') : error.message
    throw new Error(`hyperfine failed: ${stderr}`)
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}
