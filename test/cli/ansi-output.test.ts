// Terminal escapes in step output through the real CLI: what `tput sgr0`, cursor saves and titles
// print never fails an expectation, and never reaches the report or the written-back document.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import t from 'tap'
import {runCli} from '../helpers/cli.js'

const fence = '```'
// `tput sgr0` on xterm is `ESC ( B ESC [ m`; `ESC 7`/`ESC 8` save and restore the cursor; an OSC sets the title.
const book = [
  '# Escapes',
  '',
  `${fence}bash {#styled}`,
  `printf '\\033[1mbold\\033(B\\033[m plain\\n'`,
  `printf '\\x1b7saved\\x1b8 \\033]0;a window title\\007done\\n'`,
  `printf '\\033)0\\033%%Gcharset \\033]8;;http://127.0.0.1/x y\\033\\\\link\\033]8;;\\033\\\\\\n'`,
  `printf '\\033[>4;2mkeys\\033[38:5:1m colon\\033OP\\n'`,
  `${fence}`,
  '',
  `${fence}text {expect}`,
  'bold plain',
  'saved done',
  'charset link',
  'keys colon',
  `${fence}`,
  '',
].join('\n')

t.test('tput sgr0, ESC 7/ESC 8, charset designations and OSC links match a plain expectation', async (t) => {
  const dir = t.testdir({'doc.md': book})
  const r = await runCli(['run', 'doc.md', '--reporter', 'plain', '--write'], {cwd: dir})
  t.equal(r.code, 0, r.stdout + r.stderr)
  t.notMatch(r.stdout + r.stderr, /\u001b/, 'no escape reaches the terminal report')
  const written = readFileSync(path.join(dir, 'doc.md'), 'utf8')
  t.notMatch(written, /\u001b/, 'no escape reaches the document')
  t.match(written, /bold plain\nsaved done\ncharset link\nkeys colon/)
})
