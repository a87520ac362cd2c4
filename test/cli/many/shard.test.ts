import t from 'tap'
import {runCli} from '../../helpers/cli.js'
import {book, tree} from '../../helpers/many-files.js'

// Files with these step counts: one big file and several small ones, so balancing by files alone would be lopsided.
const sizes: Record<string, number> = {'big.md': 6, 'a.md': 1, 'b.md': 1, 'c.md': 2, 'd.md': 1, 'e.md': 1, 'sub/f.md': 2}

function files(): Record<string, string> {
  const out: Record<string, string> = {'plain.md': '# No steps\n'}
  for (const [name, count] of Object.entries(sizes)) {
    const steps: Record<string, string> = {}
    for (let i = 0; i < count; i++) steps[`s${i}`] = 'true'
    out[name] = book(name, steps)
  }
  return out
}

// The files a shard ran, from its json events.
function ranFiles(stdout: string): string[] {
  return stdout.trim().split('\n').map((line) => JSON.parse(line) as {type: string; file: string}).filter((e) => e.type === 'file:end').map((e) => e.file)
}

t.test('--shard I/N: deterministic, disjoint, complete, balanced by steps; each shard says what it took', async (t) => {
  const repo = tree(files())
  t.teardown(repo.cleanup)
  const shards: string[][] = []
  for (const index of [1, 2, 3]) {
    const run = await runCli(['run', '.', '--shard', `${index}/3`, '--reporter', 'json'], {cwd: repo.dir})
    t.equal(run.code, 0, run.stderr)
    const ran = ranFiles(run.stdout)
    t.match(run.stderr, new RegExp(`shard ${index}/3 took ${ran.length} of 7 files \\((\\d+) steps\\): ${ran.map((f) => f.replace('.', '\\.')).join(', ')}`), 'the shard lists its files')
    const again = await runCli(['run', '.', '--shard', `${index}/3`, '--reporter', 'json'], {cwd: repo.dir})
    t.same(ranFiles(again.stdout), ran, 'the same shard takes the same files every time')
    shards.push(ran)
  }
  const all = shards.flat()
  t.equal(new Set(all).size, all.length, 'no file is in two shards')
  t.same([...all].sort(), Object.keys(sizes).sort(), 'together the shards run every file with steps')
  const loads = shards.map((ran) => ran.reduce((sum, file) => sum + sizes[file]!, 0))
  t.same(loads.sort(), [4, 4, 6], `the 6-step file alone, the other 8 steps split evenly: ${JSON.stringify(shards)}`)
})

t.test('a shard with nothing to take passes and says so; a malformed --shard is a usage error', async (t) => {
  const repo = tree({'one.md': book('One', {x: 'true'})})
  t.teardown(repo.cleanup)
  const empty = await runCli(['run', '.', '--shard', '2/2'], {cwd: repo.dir})
  t.equal(empty.code, 0)
  t.match(empty.stderr, /shard 2\/2 took 0 of 1 files \(0 steps\)/)
  for (const bad of ['0/2', '3/2', 'x', '1/0']) {
    const run = await runCli(['run', '.', '--shard', bad], {cwd: repo.dir})
    t.equal(run.code, 2, bad)
    t.match(run.stderr, /--shard takes I\/N/)
  }
})
