/**
 * Serialises async work per name inside this process: a call waits for the previous call of
 * the same name to settle. Names no one waits on are forgotten, so the map does not grow with
 * every document ever compacted.
 */
export function createKeyedMutex(): <T>(name: string, fn: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const previous = tails.get(name) ?? Promise.resolve();
    // The previous holder's failure is its caller's business, not a reason to skip this one.
    const result = previous.catch(() => undefined).then(fn);
    const tail = result.catch(() => undefined);
    tails.set(name, tail);
    void tail.then(() => {
      if (tails.get(name) === tail) tails.delete(name);
    });
    return result;
  };
}
