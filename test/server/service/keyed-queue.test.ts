import { createKeyedQueue } from '../../../src/server/service/keyed-queue'

/** A task that records when it starts and finishes, and ends only when released. */
function gate(log: string[], name: string) {
  let release!: () => void
  const done = new Promise<void>((resolve) => (release = resolve))
  return {
    release,
    task: async () => {
      log.push(`start ${name}`)
      await done
      log.push(`end ${name}`)
    },
  }
}

describe('per-user work queue', () => {
  it('never lets two tasks of one user overlap, and runs them in arrival order', async () => {
    const queue = createKeyedQueue()
    const log: string[] = []
    const first = gate(log, 'a1')
    const second = gate(log, 'a2')
    const running = [queue.run('a', first.task), queue.run('a', second.task)]
    await Promise.resolve()
    second.release()
    first.release()
    await Promise.all(running)
    expect(log).toEqual(['start a1', 'end a1', 'start a2', 'end a2'])
  })

  it('lets different users proceed side by side', async () => {
    const queue = createKeyedQueue()
    const log: string[] = []
    const a = gate(log, 'a')
    const b = gate(log, 'b')
    const running = [queue.run('a', a.task), queue.run('b', b.task)]
    await vi.waitFor(() => expect(log).toEqual(['start a', 'start b']))
    b.release()
    a.release()
    await Promise.all(running)
  })

  it('holds every key of a multi-user task, and keeps going after a failure', async () => {
    const queue = createKeyedQueue()
    const log: string[] = []
    const failing = queue.run('a', async () => {
      log.push('fail a')
      throw new Error('boom')
    })
    const both = gate(log, 'a+b')
    const after = gate(log, 'b')
    const running = [queue.runAll(['a', 'b'], both.task), queue.run('b', after.task)]
    await expect(failing).rejects.toThrow('boom')
    await vi.waitFor(() => expect(log).toEqual(['fail a', 'start a+b']))
    after.release()
    both.release()
    await Promise.all(running)
    expect(log).toEqual(['fail a', 'start a+b', 'end a+b', 'start b', 'end b'])
    await queue.idle()
  })

  it('tells which keys have a task running or queued, until the last one settles', async () => {
    const queue = createKeyedQueue()
    const log: string[] = []
    const first = gate(log, 'a+b')
    const second = gate(log, 'a')
    const running = [queue.runAll(['a', 'b'], first.task), queue.run('a', second.task)]
    expect([queue.busy('a'), queue.busy('b'), queue.busy('c')]).toEqual([true, true, false])
    first.release()
    await vi.waitFor(() => expect(queue.busy('b')).toBe(false))
    expect(queue.busy('a')).toBe(true)
    second.release()
    await Promise.all(running)
    await vi.waitFor(() => expect(queue.busy('a')).toBe(false))
  })
})
