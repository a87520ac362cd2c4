// Where the project's shared material lives (seeds, corpus): `../shared` beside the checkout, as
// CI lays it out, else the workplace's /work/shared.
import {existsSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const repo = fileURLToPath(new URL('../..', import.meta.url))
const candidates = [path.resolve(repo, '..', 'shared'), '/work/shared']

export const sharedDir: string = candidates.find((dir) => existsSync(path.join(dir, 'seeds'))) ?? candidates[0]!
