import t from 'tap'
import {runCli} from '../helpers/cli.js'
import {runbookDir} from '../helpers/run.js'

const fence = '```'

t.test('destructive-without-confirm knows the oc, helm and terraform forms real runbooks use', async (t) => {
  const commands = ['$ oc delete pod -n openshift-monitoring prometheus-k8s-0', 'oc -n ns delete pvc data', 'oc adm drain node-1 --ignore-daemonsets', 'helm uninstall my-release', 'helm del --purge old', 'terraform destroy -auto-approve', 'terraform state rm aws_instance.a', 'etcdctl del --prefix /registry']
  const lines = ['# Danger', '']
  commands.forEach((command, index) => lines.push(`${fence}bash {#s${index}}`, command, fence, ''))
  const dir = runbookDir(lines.join('\n'))
  t.teardown(dir.cleanup)
  const lint = await runCli(['lint', dir.file, '--format', 'json'], {cwd: dir.dir})
  const found = (JSON.parse(lint.stdout) as Array<{ruleId: string; line: number}>).filter((m) => m.ruleId === 'destructive-without-confirm')
  t.equal(found.length, commands.length, 'every form is found')
  t.equal(found[0]?.line, 4, 'at the command, under its prompt')
})

t.test('a txm document is run, so only `!test only` (it skips the rest) gets a note; a Scrut one gets none', async (t) => {
  const lines = ['# Tool', '', '<!-- !test program bash -->', '', '<!-- !test in a -->', fence, 'echo hi', fence, '', '<!-- !test out a -->', fence, 'hi', fence, '']
  const txm = runbookDir(lines.join('\n'))
  t.teardown(txm.cleanup)
  const lint = await runCli(['lint', txm.file, '--format', 'json'], {cwd: txm.dir})
  t.same((JSON.parse(lint.stdout) as Array<{ruleId: string}>).filter((m) => m.ruleId === 'unrun-test-dialect'), [], 'plain txm tests run')
  const focused = runbookDir([...lines.slice(0, 4), '<!-- !test only -->', ...lines.slice(4)].join('\n'))
  t.teardown(focused.cleanup)
  const only = await runCli(['lint', focused.file, '--format', 'json'], {cwd: focused.dir})
  const notes = (JSON.parse(only.stdout) as Array<{ruleId: string; line: number; message: string}>).filter((m) => m.ruleId === 'unrun-test-dialect')
  t.equal(notes.length, 1)
  t.match(notes[0], {line: 5, message: /1 txm `<!-- !test only -->` comment: every other txm test of this file is skipped/})
  const scrut = runbookDir(['# Tool', '', `${fence}scrut`, '$ echo hi', 'hi', fence, ''].join('\n'))
  t.teardown(scrut.cleanup)
  const quiet = await runCli(['lint', scrut.file, '--format', 'json'], {cwd: scrut.dir})
  t.same((JSON.parse(quiet.stdout) as Array<{ruleId: string}>).filter((m) => m.ruleId === 'unrun-test-dialect'), [])
})
