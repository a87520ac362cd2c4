// What the numbers were measured on: CPUs, model, memory, Node, load, peer versions.
import {execFileSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import os from 'node:os'

const quiet = (file, args) => {
  try {
    return execFileSync(file, args, {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']}).trim()
  } catch {
    return undefined
  }
}

// Describe this machine and the tools' versions for results.json and docs/benchmarks.md.
export function describeMachine(work) {
  const cpuModel = os.cpus()[0]?.model?.trim() ?? 'unknown'
  let mdl
  try {
    mdl = JSON.parse(readFileSync(`${work}/node_modules/markdownlint-cli2/package.json`, 'utf8')).version
  } catch {}
  return {
    nproc: Number(quiet('nproc', [])) || os.availableParallelism?.() || os.cpus().length,
    cpuModel,
    memGB: Math.round(os.totalmem() / 2 ** 30 * 10) / 10,
    kernel: os.release(),
    node: process.version,
    loadAvg: os.loadavg().map((x) => Math.round(x * 100) / 100),
    peers: {
      txm: quiet(`${work}/node_modules/.bin/txm`, ['--version']),
      markdownlintCli2: mdl,
      cram3: quiet('cram3', ['--version'])?.split('\n')[0],
      hyperfine: quiet('hyperfine', ['--version']),
      bash: quiet('bash', ['--version'])?.split('\n')[0],
    },
  }
}
