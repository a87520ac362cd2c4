import t from 'tap'
import path from 'node:path'
import {runbookDir, runJson} from '../helpers/run.js'
import {sharedDir} from '../helpers/shared.js'

const fence = '```'
const root = path.join(sharedDir, 'corpus', 'runme-examples')

t.test("Runme's pwd oracle holds for the frontmatter/cwd documents (internal/runner/client/client_test.go)", async (t) => {
  const rp = (rel: string) => path.join(root, rel)
  const oracle: Record<string, Record<string, string>> = {
    'ABSOLUTE.md': {'absolute-pwd': '/tmp', 'absolute-rel-pwd': '/', 'absolute-abs-pwd': '/opt'},
    'NONE.md': {'none-pwd': rp('examples/frontmatter/cwd'), 'none-rel-pwd': rp('examples/frontmatter'), 'none-abs-pwd': '/opt'},
    'RELATIVE.md': {'relative-pwd': root, 'relative-rel-pwd': path.dirname(root), 'relative-abs-pwd': '/opt'},
  }
  for (const [name, expected] of Object.entries(oracle)) {
    const run = await runJson(path.join(root, 'examples/frontmatter/cwd', name))
    t.equal(run.code, 0, `${name}: ${run.stderr}`)
    for (const [id, cwd] of Object.entries(expected)) t.equal(run.results.get(id)?.stdout.text, `${cwd}\n`, `${name} ${id}`)
  }
})

t.test('front matter `shell` picks the interpreter of every cell', async (t) => {
  const bash = await runJson(path.join(root, 'examples/frontmatter/shells/BASH.md'))
  t.equal(bash.code, 0, bash.stderr)
  t.same([...bash.results.values()].map((r) => r.stdout.text), ['bash\n'])
  const dir = runbookDir(['---', 'runme:', '  version: v3', 'shell: dash', '---', '', `${fence}sh {"name":"which"}`, 'echo $0', `${fence}`, ''].join('\n'))
  t.teardown(dir.cleanup)
  const dash = await runJson(dir.file)
  t.equal(dash.code, 0, dash.stderr)
  t.equal(dash.results.get('which')?.stdout.text, 'dash\n')
})

t.test('`shellscript` is a shell language and `interpreter` runs a cell of any language', async (t) => {
  const dir = runbookDir(
    [
      '# Cells',
      '',
      `${fence}shellscript {"name":"script"}`,
      'echo from shellscript',
      `${fence}`,
      '',
      `${fence}js {"interpreter":"cat","name":"shown"}`,
      'console.log("never run by node")',
      `${fence}`,
      '',
      `${fence}ruby { name=reversed interpreter="rev" }`,
      'abc',
      `${fence}`,
      '',
      `${fence}python {"interpreter":"python3 -S","name":"py"}`,
      'import sys; print(sys.argv[0].startswith("/dev/fd/"))',
      `${fence}`,
      '',
    ].join('\n'),
  )
  t.teardown(dir.cleanup)
  const run = await runJson(dir.file)
  t.equal(run.code, 0, run.stderr)
  t.equal(run.results.get('script')?.stdout.text, 'from shellscript\n')
  t.equal(run.results.get('shown')?.stdout.text, 'console.log("never run by node")\n')
  t.equal(run.results.get('reversed')?.stdout.text, 'cba\n')
  t.equal(run.results.get('py')?.stdout.text, 'True\n')
})
