/** The public-read cache: tags, invalidation, and no stale value stored across a change. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { PublicCache } from "../../src/platform/cache.js";

test("a dropped tag removes its entries and keeps the others", async () => {
  const cache = new PublicCache();
  cache.set("a", 1, ["organisations"]);
  cache.set("b", 2, ["sessions"]);
  cache.drop("organisations");
  assert.equal(cache.get("a"), undefined);
  assert.equal(cache.get("b"), 2);
});

test("a load that straddles an invalidation is returned but not stored", async () => {
  const cache = new PublicCache();
  let release: () => void = () => {};
  const loading = cache.wrap(
    "k",
    ["organisations"],
    () => new Promise<string>((r) => (release = () => r("old"))),
  );
  cache.drop("organisations"); // a change commits while the load runs
  release();
  assert.equal(await loading, "old");
  assert.equal(cache.get("k"), undefined, "the stale read was not cached");
  assert.equal(await cache.wrap("k", ["organisations"], async () => "new"), "new");
  assert.equal(cache.get("k"), "new");
});

test("the least recently used entry goes first when full", () => {
  const cache = new PublicCache(2);
  cache.set("a", 1, []);
  cache.set("b", 2, []);
  cache.get("a");
  cache.set("c", 3, []);
  assert.equal(cache.get("b"), undefined);
  assert.equal(cache.get("a"), 1);
});

test("a change in one process drops the entry in another at commit, not before", async () => {
  const { createTestApp } = await import("../support/harness.js");
  const { PublicCache: Cache, invalidate } = await import("../../src/platform/cache.js");
  const { inTransaction } = await import("../../src/platform/database.js");
  const t = await createTestApp();
  const other = new Cache();
  await other.listen(t.databaseUrl);
  other.set("page", "old", ["organisations"]);
  await inTransaction(t.db, async (trx) => {
    await invalidate(trx, t.services.cache, "organisations");
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(other.get("page"), "old", "not before the commit");
  });
  for (let i = 0; i < 50 && other.get("page") !== undefined; i++) await new Promise((r) => setTimeout(r, 20));
  assert.equal(other.get("page"), undefined, "dropped after the commit");
  await other.close();
  await t.close();
});
