// A cache folder runbook may trust: created if missing (mode 0700), owned by this user, and
// writable by no one else. A cache in a folder others could write could be planted: a parsed tree
// would change what runs, a V8 code cache would run other code.
import {mkdirSync, statSync} from 'node:fs'

// True when `dir` exists (or was just made) as a folder of this user that only they can write.
export function isPrivateFolder(dir: string): boolean {
  try {
    mkdirSync(dir, {recursive: true, mode: 0o700})
    const info = statSync(dir)
    const mine = process.getuid === undefined || info.uid === process.getuid()
    return info.isDirectory() && mine && (info.mode & 0o022) === 0
  } catch {
    return false
  }
}
