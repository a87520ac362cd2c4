// Run tasks with at most N at once, in order; stop starting new ones once `stop()` says so.

// Run `task` for each item, `jobs` at a time; items not started because `stop()` turned true go to `skipped`.
export async function runPool<T>(items: readonly T[], jobs: number, task: (item: T) => Promise<void>, stop: () => boolean, skipped: (item: T) => void): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!
      if (stop()) skipped(item)
      else await task(item)
    }
  }
  await Promise.all(Array.from({length: Math.min(jobs, items.length)}, worker))
}
