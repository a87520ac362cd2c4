import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {createReadStream, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import t from 'tap'
import {binPath} from '../helpers/cli.js'
import {parseRunbook} from '../../lib/parse/index.js'

const maxRss = fileURLToPath(new URL('../helpers/max-rss.mjs', import.meta.url))
// Process substitution, not a pipe: under pipefail `yes` killed by SIGPIPE would fail the step.
const bigCommand = "head -c 200000000 < <(yes 'line of output 0123456789 abcdefghijklmnopqrstuvwxyz')"

const sha256 = (file: string) =>
  new Promise<string>((resolve, reject) => {
    const hash = createHash('sha256')
    createReadStream(file).on('data', (chunk) => hash.update(chunk)).on('error', reject).on('end', () => resolve(hash.digest('hex')))
  })

const runCli = (dir: string, args: string[]) => {
  const rssFile = path.join(dir, 'rss.txt')
  const child = spawnSync(process.execPath, ['--import', maxRss, binPath, ...args], {cwd: dir, env: {...process.env, NO_COLOR: '1', MAXRSS_FILE: rssFile}, encoding: 'utf8', timeout: 240_000})
  return {...child, rssMiB: Number(readFileSync(rssFile, 'utf8')) / 1024}
}

// The memory bound itself (≤ 150 MB) is a benchmark figure, measured in bench/figures/memory.mjs and
// recorded in docs/benchmarks.md; here the peak is only reported.
t.test('a step printing 200 MB completes and its evidence log is complete byte for byte', async (t) => {
  const dir = t.testdir({'big.md': `# Big\n\n\`\`\`bash {#big timeout=4m}\n${bigCommand}\n\`\`\`\n`})
  const run = runCli(dir, ['run', 'big.md', '--write', '--evidence', 'ev'])
  t.equal(run.status, 0, run.stderr)
  t.comment(`peak RSS ${run.rssMiB.toFixed(0)} MiB (bench/figures/memory.mjs holds the bound)`)
  const log = path.join(dir, 'ev', 'steps', 'big', 'stdout.log')
  const expected = spawnSync('bash', ['-c', `${bigCommand} | sha256sum`], {encoding: 'utf8'}).stdout.split(' ')[0]
  t.equal(await sha256(log), expected, 'the log holds every byte')
  const doc = readFileSync(path.join(dir, 'big.md'), 'utf8')
  t.match(doc, /… \d+ lines omitted …/, 'the document keeps head and tail')
  t.ok(doc.length < 100_000, 'the document stays small')
})

t.test('binary output and a 100 MB single line do not crash the run or break the document', async (t) => {
  const source = '# Odd\n\n```bash {#oneline timeout=4m}\nhead -c 100000000 /dev/zero | tr "\\0" x\n```\n\n```bash {#binary}\nhead -c 2000000 /dev/urandom\n```\n\nAfter.\n'
  const dir = t.testdir({'odd.md': source})
  const run = runCli(dir, ['run', 'odd.md', '--write', '--evidence', 'ev'])
  t.equal(run.status, 0, run.stderr)
  t.comment(`peak RSS ${run.rssMiB.toFixed(0)} MiB`)
  const doc = readFileSync(path.join(dir, 'odd.md'), 'utf8')
  t.notMatch(doc, /[\x00-\x08\x0b-\x1f\x7f]/, 'no control characters reach the document')
  const runbook = parseRunbook(doc, {file: 'odd.md'})
  t.same(runbook.steps.map((s) => s.id), ['oneline', 'binary'])
  t.same(runbook.regions.map((r) => r.kind), ['summary', 'output', 'output'])
  t.ok(doc.endsWith('<!-- /runbook:output -->\n\nAfter.\n'))
  t.equal(readFileSync(path.join(dir, 'ev', 'steps', 'oneline', 'stdout.log')).length, 100_000_000, 'the long line is whole in the log')
})
