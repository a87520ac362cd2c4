// Atomic file replacement (SPEC §11): temp file in the same folder, fsync, rename, fsync the folder,
// mode kept; a file changed since the run began is kept and the result goes beside it.
import {randomBytes} from 'node:crypto'
import {open, readdir, readFile, realpath, rename, stat, unlink} from 'node:fs/promises'
import path from 'node:path'

const tempMarker = '.runbook-tmp-'

// Write `text` to `file` atomically. With `original` (the text read when the run began), a file that
// changed meanwhile is left alone and the text goes to `FILE.runbook.md` beside it (`conflict: true`).
export async function writeFileAtomic(file: string, text: string, options: {original?: string} = {}): Promise<{path: string; conflict: boolean}> {
  const target = await realpath(file).catch(() => path.resolve(file))
  const changed = async () => options.original !== undefined && (await readFile(target, 'utf8').catch(() => undefined)) !== options.original
  if (await changed()) return {path: await writeAside(target, text), conflict: true}
  const temp = await writeTemp(target, text)
  try {
    if (await changed()) {
      await unlink(temp)
      return {path: await writeAside(target, text), conflict: true}
    }
    await rename(temp, target)
  } catch (error) {
    await unlink(temp).catch(() => {})
    throw error
  }
  await syncFolder(path.dirname(target))
  return {path: target, conflict: false}
}

// `notes.md` → `notes.runbook.md`, written atomically (no conflict check: it is ours).
async function writeAside(target: string, text: string): Promise<string> {
  const aside = target.replace(/(\.(md|markdown))?$/i, '.runbook.md')
  const temp = await writeTemp(aside, text, target)
  try {
    await rename(temp, aside)
  } catch (error) {
    await unlink(temp).catch(() => {})
    throw error
  }
  await syncFolder(path.dirname(aside))
  return aside
}

// Write and fsync a temp file next to `target`, with `target`'s mode (or `modeFrom`'s); returns its path.
async function writeTemp(target: string, text: string, modeFrom = target): Promise<string> {
  const dir = path.dirname(target)
  await sweepStaleTemps(dir, path.basename(target))
  const mode = await stat(target)
    .catch(() => stat(modeFrom))
    .then((s) => s.mode & 0o7777, () => undefined)
  const temp = path.join(dir, `.${path.basename(target)}${tempMarker}${process.pid}-${randomBytes(4).toString('hex')}`)
  const handle = await open(temp, 'wx', mode ?? 0o666)
  try {
    await handle.writeFile(text, 'utf8')
    if (mode !== undefined) await handle.chmod(mode)
    await handle.sync()
  } catch (error) {
    await handle.close().catch(() => {})
    await unlink(temp).catch(() => {})
    throw error
  }
  await handle.close()
  return temp
}

// fsync a folder so the rename survives a power cut (ignored where folders cannot be opened).
async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined)
  if (!handle) return
  try {
    await handle.sync()
  } catch {
    // some platforms refuse fsync on a folder; the rename itself is still atomic
  } finally {
    await handle.close()
  }
}

// Remove temp files a killed run left behind (their process is gone), so they never pile up.
async function sweepStaleTemps(dir: string, base: string): Promise<void> {
  const prefix = `.${base}${tempMarker}`
  const names = await readdir(dir).catch(() => [] as string[])
  for (const name of names) {
    if (!name.startsWith(prefix)) continue
    const pid = Number(name.slice(prefix.length).split('-')[0])
    if (!Number.isInteger(pid) || pid === process.pid || alive(pid)) continue
    await unlink(path.join(dir, name)).catch(() => {})
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
