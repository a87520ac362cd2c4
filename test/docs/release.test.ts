// runbooks/RELEASE.md is the project's release procedure: pack, install the tarball in an empty
// folder, check the installed command and run an example with it, all through the tool itself.
import t from 'tap'
import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {runCli} from '../helpers/cli.js'
import {makeTempRoot, manifestStatuses, repoDir} from '../helpers/examples.js'


t.test('the release runbook packs, installs and runs the tarball (--tag package)', {timeout: 420_000}, async (t) => {
  const root = await makeTempRoot()
  t.teardown(root.cleanup)
  const evidence = path.join(root.dir, 'evidence')
  const result = await runCli(['run', 'runbooks/RELEASE.md', '--tag', 'package', '--reporter', 'plain', '--evidence', evidence], {
    cwd: repoDir,
    env: {TMPDIR: root.dir},
    timeoutMs: 400_000,
  })
  t.equal(result.code, 0, `exit 0\n${result.stdout}\n${result.stderr}`)
  const {ok, status} = await manifestStatuses(evidence)
  t.equal(ok, true)
  t.match(status, {pack: 'passed', install: 'passed', version: 'passed', 'run-example': 'passed', cleanup: 'passed'})
  t.notOk(['passed', 'failed'].includes(status['build']!), 'the build step is left to `npm test`')
  t.notOk(['passed', 'failed'].includes(status['test-suite']!), 'the suite does not run itself')
  t.match(await readFile(path.join(evidence, 'steps/pack/stdout.log'), 'utf8'), /^packed runbook-\d+\.\d+\.\d+\.tgz$/m)
  t.same((await readdir(root.dir)).filter((name) => name.startsWith('runbook-release.')), [], 'the release folder is removed')
})
