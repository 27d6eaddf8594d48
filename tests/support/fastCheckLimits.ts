import fc from 'fast-check';

/**
 * Every property stops generating and shrinking after 20 seconds. Shrinking a rare failure of a
 * synchronous property can run for tens of minutes, and no test timeout can interrupt synchronous
 * code: a whole CI phase then hangs and says nothing. Interrupted, a failed property still fails,
 * with the smallest counterexample found so far and its seed; a slow passing one (a loaded
 * machine) runs fewer cases instead of failing, so no test depends on wall time.
 */
fc.configureGlobal({ ...fc.readConfigureGlobal(), interruptAfterTimeLimit: 20_000 });
