// Time long commands turn about (A B A B …) so that a change of machine load hits every command alike;
// wall and CPU (user+sys, children included) from GNU time; medians in seconds.
import {spawnSync} from 'node:child_process'

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

// `commands`: [{name, argv, cwd}]; returns {name: {median, cpu, runs, times}} like hyperfine().
export function interleave(commands, {runs = 3, warmup = 1, timeoutMs = 600_000} = {}) {
  const times = Object.fromEntries(commands.map((c) => [c.name, {wall: [], cpu: [], codes: []}]))
  for (let round = 0; round < warmup + runs; round++) {
    const order = round % 2 ? [...commands].reverse() : commands
    for (const c of order) {
      const r = spawnSync('/usr/bin/time', ['-f', '\n@@ %e %U %S %x', ...c.argv], {cwd: c.cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 << 20})
      const m = /@@ ([\d.]+) ([\d.]+) ([\d.]+) (-?\d+)\s*$/.exec(r.stderr ?? '')
      if (!m) throw new Error(`${c.name}: no timing (${String(r.stderr).trim().split('\n').pop()})`)
      if (round < warmup) continue
      times[c.name].wall.push(Number(m[1]))
      times[c.name].cpu.push(Number(m[2]) + Number(m[3]))
      times[c.name].codes.push(Number(m[4]))
    }
  }
  return Object.fromEntries(Object.entries(times).map(([name, t]) => [name, {median: median(t.wall), cpu: median(t.cpu), runs: t.wall.length, times: t.wall, exitCodes: [...new Set(t.codes)]}]))
}
