/** Calls grouped into one statement when they arrive together (grouped-calls.ts). */
import assert from "node:assert/strict";
import { test } from "node:test";
import { groupCalls } from "./grouped-calls.js";

/** A statement whose runs the test ends by hand, recording the inputs of each run. */
function manualStatement() {
  const runs: { inputs: number[]; end(fail?: Error): void }[] = [];
  const run = (inputs: number[]) =>
    new Promise<string[]>((resolve, reject) => {
      runs.push({
        inputs,
        end: (fail) => (fail ? reject(fail) : resolve(inputs.map((n) => `answer ${n}`))),
      });
    });
  return { runs, run };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

test("at rest, each call goes at once and alone", async () => {
  const statement = manualStatement();
  const call = groupCalls({ run: statement.run, concurrency: 2, maxGroup: 10 });
  const first = call(1);
  const second = call(2);
  assert.deepEqual(
    statement.runs.map((r) => r.inputs),
    [[1], [2]],
  );
  for (const r of statement.runs) r.end();
  assert.deepEqual(await Promise.all([first, second]), ["answer 1", "answer 2"]);
});

test("calls made while the statement is busy wait, then go together in order, at most maxGroup at once", async () => {
  const statement = manualStatement();
  const call = groupCalls({ run: statement.run, concurrency: 1, maxGroup: 3 });
  const answers = [1, 2, 3, 4, 5, 6].map((n) => call(n));
  assert.deepEqual(
    statement.runs.map((r) => r.inputs),
    [[1]],
  );
  statement.runs[0]?.end();
  await settle();
  assert.deepEqual(
    statement.runs.map((r) => r.inputs),
    [[1], [2, 3, 4]],
  );
  statement.runs[1]?.end();
  await settle();
  statement.runs[2]?.end();
  assert.deepEqual(
    statement.runs.map((r) => r.inputs),
    [[1], [2, 3, 4], [5, 6]],
  );
  assert.deepEqual(
    await Promise.all(answers),
    [1, 2, 3, 4, 5, 6].map((n) => `answer ${n}`),
  );
});

test("a failed group runs each call again alone: only the call that cannot succeed fails", async () => {
  const call = groupCalls<number, string>({
    concurrency: 1,
    maxGroup: 10,
    run: async (inputs) => {
      await settle();
      if (inputs.includes(3)) throw new Error("three is refused");
      return inputs.map((n) => `answer ${n}`);
    },
  });
  const answers = await Promise.allSettled([1, 2, 3, 4].map((n) => call(n)));
  assert.deepEqual(
    answers.map((a) => (a.status === "fulfilled" ? a.value : (a.reason as Error).message)),
    ["answer 1", "answer 2", "three is refused", "answer 4"],
  );
});

test("a statement that answers fewer results than calls fails no call silently", async () => {
  const call = groupCalls<number, string>({
    concurrency: 1,
    maxGroup: 10,
    run: async (inputs) => {
      await settle();
      return inputs.length > 1 ? ["only one"] : [];
    },
  });
  const answers = await Promise.allSettled([1, 2, 3].map((n) => call(n)));
  assert.ok(answers.every((a) => a.status === "rejected"));
});
