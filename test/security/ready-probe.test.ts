// Finding 5 of issue 12: a readiness probe slower than 2 s no longer takes its service down with
// it; the probe is its own process (own group, own tags) and may use the step's whole timeout.
import t from 'tap'
import {killMarked, marker, runbookDir, runJson} from '../helpers/run.js'

const fence = '```'

t.test('a slow readiness probe does not kill its own service', async (t) => {
  const mark = marker('slowprobe')
  t.teardown(() => killMarked(mark))
  const dir = runbookDir(
    [
      '# Slow probe',
      '',
      `${fence}bash {#svc background ready="sleep 3; test -e up" timeout=30s}`,
      `echo $$ > svc.pid; touch up; bash -c "exec -a ${mark} sleep 60"`,
      fence,
      '',
      `${fence}bash {#use}`,
      'kill -0 "$(cat svc.pid)" && echo service alive',
      fence,
      '',
    ].join('\n'),
  )
  t.teardown(dir.cleanup)
  const run = await runJson(dir.file, [], {timeoutMs: 60_000})
  t.equal(run.results.get('svc')?.status, 'passed', JSON.stringify(run.results.get('svc')?.reason))
  t.equal(run.results.get('use')?.status, 'passed', 'the service was still running after the slow probe')
  t.equal(run.code, 0, run.stderr)
})
