// docs/annotating.md quotes the deployment runbook: every annotated block it shows must be in
// examples/deployment/DEPLOYMENT_RUNBOOK.md as shown, so the guide cannot drift from the example.
import t from 'tap'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {repoDir} from '../helpers/examples.js'

t.test('each annotated block quoted in docs/annotating.md is in the deployment example', async (t) => {
  const guide = await readFile(path.join(repoDir, 'docs/annotating.md'), 'utf8')
  const example = await readFile(path.join(repoDir, 'examples/deployment/DEPLOYMENT_RUNBOOK.md'), 'utf8')
  const quoted = [...guide.matchAll(/^( *)```bash \{[^\n]*\}\n[^]*?^\1```$/gm)].map((match) => match[0])
  t.ok(quoted.length >= 5, `the guide quotes annotated blocks (${quoted.length})`)
  for (const block of quoted) t.ok(example.includes(block), `in the example: ${block.split('\n')[0]!.trim()}`)
})

t.test('the inputs the guide declares are the example front matter inputs', async (t) => {
  const guide = await readFile(path.join(repoDir, 'docs/annotating.md'), 'utf8')
  const example = await readFile(path.join(repoDir, 'examples/deployment/DEPLOYMENT_RUNBOOK.md'), 'utf8')
  for (const name of ['REGISTRY', 'VERSION']) {
    const line = new RegExp(`^    ${name}: \\{[^\\n]*\\}$`, 'm').exec(guide)?.[0]
    t.ok(line && example.includes(line), `${name} is declared as in the example`)
  }
})
