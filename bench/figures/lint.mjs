// Lint throughput: `runbook lint` of the whole corpus against markdownlint-cli2 on the same files.
import {mkdirSync, rmSync} from 'node:fs'
import path from 'node:path'
import {interleave} from '../lib/interleave.mjs'
import {runCli, firstLine} from '../lib/runbook.mjs'
import {check} from '../lib/check.mjs'

export const id = 'lint'
export const title = 'Lint throughput (whole corpus, 1,815 files)'

// Files `runbook lint --format json` reported on, or undefined when the output is not JSON.
function filesWithFindings(stdout) {
  try {
    return new Set(JSON.parse(stdout).map((d) => d.file)).size
  } catch {
    return undefined
  }
}

// Measure the figure; times are hyperfine medians in seconds.
export async function measure(ctx) {
  const notes = []
  const corpus = ctx.corpus
  // runbook runs from an empty folder so a cache (if any) never lands in the shared corpus.
  const cwd = path.join(ctx.work, 'lint-cwd')
  rmSync(cwd, {recursive: true, force: true})
  mkdirSync(cwd, {recursive: true})
  const commands = [{name: 'markdownlint-cli2', command: `${ctx.mdl} '**/*.md'`, cwd: corpus}]
  const once = runCli(ctx, ['lint', corpus, '--format', 'json'], {cwd, timeoutMs: 300_000})
  const working = once.code === 0 || once.code === 1
  if (working) {
    const files = filesWithFindings(once.stdout)
    notes.push(`runbook lint: exit ${once.code}, ${files ?? '?'} files with findings, one run ${once.seconds.toFixed(2)} s`)
  } else {
    notes.push(`runbook not measured: ${firstLine(once)}`)
  }
  const warmup = ctx.quick ? 0 : 1
  const runs = ctx.quick ? 1 : 3
  const mdl = {name: 'markdownlint-cli2', argv: [...ctx.mdl.split(' '), '**/*.md'], cwd: corpus}
  const ours = {name: 'runbook lint', argv: [ctx.node, ctx.cli, 'lint', corpus], cwd}
  let times
  if (working) {
    // --cache on a warm cache is what CI sees when few files changed; only if the flag exists.
    const cached = runCli(ctx, ['lint', corpus, '--cache'], {cwd, timeoutMs: 300_000})
    const withCache = cached.code === 0 || cached.code === 1
    if (!withCache) notes.push(`--cache not measured: ${firstLine(cached)}`)
    const warm = {name: 'runbook lint --cache (warm)', argv: [...ours.argv, '--cache'], cwd}
    times = interleave(withCache ? [mdl, ours, warm] : [mdl, ours], {warmup, runs})
  } else {
    times = interleave([mdl], {warmup, runs})
  }
  rmSync(cwd, {recursive: true, force: true})
  const s = (name) => times[name]?.median ?? null
  const cpu = (name) => times[name]?.cpu ?? null
  return {
    times,
    notes,
    checks: [
      check({label: 'whole corpus, no cache', unit: 's', ours: s('runbook lint'), peer: s('markdownlint-cli2'), peerName: 'markdownlint-cli2',
        target: {on: 'ratio', max: 0.25}, targetText: '≤ 0.25× markdownlint-cli2'}),
      check({label: 'whole corpus, CPU time (user+sys)', unit: 's', ours: cpu('runbook lint'), peer: cpu('markdownlint-cli2'), peerName: 'markdownlint-cli2', note: 'info'}),
      check({label: 'whole corpus, warm --cache', unit: 's', ours: s('runbook lint --cache (warm)'), peer: s('markdownlint-cli2'), peerName: 'markdownlint-cli2', note: 'info'}),
    ],
  }
}
