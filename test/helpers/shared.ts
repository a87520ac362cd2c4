// Where the project's shared material lives (seeds, corpus): `../shared` beside the checkout, as
// CI lays it out, else the workplace's /work/shared.
import {existsSync} from 'node:fs'
import path from 'node:path'
import {repoDir} from './paths.js'

const repo = repoDir
const candidates = [path.resolve(repo, '..', 'shared'), '/work/shared']

export const sharedDir: string = candidates.find((dir) => existsSync(path.join(dir, 'seeds'))) ?? candidates[0]!
