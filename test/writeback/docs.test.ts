import t from 'tap'
import {runCli} from '../helpers/cli.js'
import {repoDir} from '../helpers/paths.js'

const repo = repoDir

t.test('the samples of docs/write-back.md run and pass', async (t) => {
  const result = await runCli(['run', 'docs/write-back.md', '--reporter', 'plain'], {cwd: repo, timeoutMs: 120_000})
  t.equal(result.code, 0, `${result.stdout}\n${result.stderr}`)
  t.match(result.stdout, /4 passed, 0 failed/)
  // test/docs/expect-negatives.test.ts checks that each of these samples can also fail.
})
