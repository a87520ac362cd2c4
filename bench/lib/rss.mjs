// Peak resident memory of a command, from GNU time's `-v` report (the largest process it waited for).
import {spawnSync} from 'node:child_process'

// Run `argv` under /usr/bin/time -v and return {maxRssMB, exitCode, elapsedS, stderrTail}.
export function peakRss(argv, {cwd, timeoutMs = 180_000} = {}) {
  const started = process.hrtime.bigint()
  const r = spawnSync('/usr/bin/time', ['-v', ...argv], {cwd, timeout: timeoutMs, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 << 20})
  const elapsedS = Number(process.hrtime.bigint() - started) / 1e9
  const stderr = String(r.stderr ?? '')
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)
  const exit = /Exit status: (\d+)/.exec(stderr)
  const lines = stderr.split('\n').filter((l) => l && !l.startsWith('\t'))
  return {
    maxRssMB: rss ? Number(rss[1]) / 1024 : undefined,
    exitCode: exit ? Number(exit[1]) : r.status,
    elapsedS,
    stderrTail: lines.slice(-2).join(' | ').slice(0, 300),
  }
}
