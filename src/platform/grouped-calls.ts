/**
 * Calls of one hot statement that arrive together, sent to the database together.
 *
 * Each call made while fewer than `concurrency` groups are running goes at once, alone: a quiet
 * moment costs no wait. Calls made while that many are running wait for the first of them to end,
 * then go as one group (at most `maxGroup`): one round trip, one transaction and one commit for
 * all of them, where most of a small statement's cost under load is that round trip and commit.
 * The busier the database, the larger the groups, and the cheaper each call.
 *
 * If a group fails, each of its calls is run again alone, so that a call that cannot succeed fails
 * by itself and the others of its group are not lost.
 */
export interface GroupedCalls<In, Out> {
  /** Runs a group of calls; answers one result per input, in the same order. */
  run(inputs: In[]): Promise<Out[]>;
  /** Groups running at once: each holds one of the pool's connections while it runs. */
  concurrency: number;
  /** The most calls one group carries. */
  maxGroup: number;
}

interface Waiting<In, Out> {
  input: In;
  resolve(value: Out): void;
  reject(error: unknown): void;
}

export function groupCalls<In, Out>(options: GroupedCalls<In, Out>): (input: In) => Promise<Out> {
  const waiting: Waiting<In, Out>[] = [];
  let running = 0;

  async function runAlone(call: Waiting<In, Out>) {
    try {
      const [result] = await options.run([call.input]);
      if (result === undefined) throw new Error("groupCalls: the statement answered no result");
      call.resolve(result);
    } catch (error) {
      call.reject(error);
    }
  }

  async function runGroup(group: Waiting<In, Out>[]) {
    let results: Out[];
    try {
      results = await options.run(group.map((call) => call.input));
      if (results.length !== group.length)
        throw new Error(`groupCalls: ${results.length} results for ${group.length} calls`);
    } catch (error) {
      if (group.length === 1) group[0]?.reject(error);
      else await Promise.all(group.map(runAlone));
      return;
    }
    for (const [i, call] of group.entries()) call.resolve(results[i] as Out);
  }

  function next() {
    while (running < options.concurrency && waiting.length > 0) {
      running++;
      void runGroup(waiting.splice(0, options.maxGroup)).finally(() => {
        running--;
        next();
      });
    }
  }

  return (input) =>
    new Promise<Out>((resolve, reject) => {
      waiting.push({ input, resolve, reject });
      next();
    });
}
