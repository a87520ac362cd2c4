// The human reporters cut a very long output line and say how much they left out; evidence keeps it.
import t from 'tap'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {runCli} from '../helpers/cli.js'

const fence = '```'

t.test('a 3,000-character output line is cut on the terminal and kept whole in the evidence', async (t) => {
  const dir = t.testdir({'doc.md': [`${fence}bash {#long}`, 'printf "x%.0s" $(seq 3000); echo; exit 1', fence, ''].join('\n')})
  const run = await runCli(['run', 'doc.md', '--reporter', 'plain', '--evidence', 'ev'], {cwd: dir})
  t.equal(run.code, 1)
  const longest = Math.max(...run.stdout.split('\n').map((line) => line.length))
  t.ok(longest <= 420, `no printed line is longer than 420 characters (longest: ${longest})`)
  t.match(run.stdout, /x… \(2,660 more characters\)/)
  t.equal(readFileSync(path.join(dir, 'ev', 'steps', 'long', 'stdout.log'), 'utf8'), `${'x'.repeat(3000)}\n`)
})
