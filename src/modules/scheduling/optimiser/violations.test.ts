/** The rules one placement breaks, as the editor asks for them (pure functions, no solver). */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { translate } from "../../../platform/i18n/translate.js";
import { hardRules, type Instance, type OptEvent, softRules, violations } from "../scheduling.optimiser.js";
import { INTERPRETATION } from "./instance.js";

const H = 3_600_000;
const slot = (id: string, day: number, hour: number, extra: object = {}) => ({
  id,
  startsAt: (24 * day + hour) * H,
  endsAt: (24 * day + hour + 1.5) * H,
  day: `2027-05-${10 + day}`,
  ...extra,
});
const event = (id: string, over: Partial<OptEvent> = {}): OptEvent => ({
  id,
  audience: 10,
  equipment: [],
  interpretation: false,
  people: [`org:${id}`],
  organisations: [`org:${id}`],
  impossibleSlots: [],
  preferredSlots: [],
  score: 0.5,
  themes: [],
  ...over,
});

const instance: Instance = {
  rooms: [
    { id: "small", capacity: 20, equipment: [] },
    { id: "hall", capacity: 200, equipment: ["projector", INTERPRETATION] },
  ],
  slots: [slot("mon", 0, 13, { plenaryItems: ["item-4"] }), slot("tue", 1, 13), slot("tue-late", 1, 18)],
  events: [
    event("big", { audience: 150, equipment: ["projector"], interpretation: true }),
    event("film", { equipment: ["projector"] }),
    event("booths", { interpretation: true }),
    event("picky", { impossibleSlots: ["mon"], preferredSlots: ["tue"] }),
    event("a", { people: ["org:x", "person:ana"], organisations: ["org:x"], themes: ["water"] }),
    event("b", { people: ["org:x", "person:ana", "person:bo"], organisations: ["org:x"], themes: ["water"] }),
    event("c", { people: ["org:x"], organisations: ["org:x"] }),
    event("served", { agendaItems: ["item-4"] }),
    event("pinned", { pin: { roomId: "hall", slotId: "tue" } }),
  ],
};
const rulesOf = (placements: Array<{ eventId: string; roomId: string; slotId: string }>, id: string) =>
  violations(instance, placements, id)
    .map((v) => v.rule)
    .sort();

describe("violations: which rules a placement breaks, and why", () => {
  test("a placement that breaks nothing has no violation; an event not placed breaks none", () => {
    assert.deepEqual(violations(instance, [{ eventId: "big", roomId: "hall", slotId: "mon" }], "big"), []);
    assert.deepEqual(violations(instance, [], "big"), []);
  });

  test("room rules: capacity with both numbers, missing equipment by code, interpretation booths", () => {
    const [capacity] = violations(instance, [{ eventId: "big", roomId: "small", slotId: "mon" }], "big");
    assert.deepEqual(capacity && { rule: capacity.rule, hard: capacity.hard, params: capacity.params }, {
      rule: "capacity",
      hard: true,
      params: { audience: 150, capacity: 20 },
    });
    const [equipment] = violations(instance, [{ eventId: "film", roomId: "small", slotId: "mon" }], "film");
    assert.equal(equipment?.rule, "equipment");
    assert.deepEqual(equipment?.missing, ["projector"]);
    assert.deepEqual(rulesOf([{ eventId: "booths", roomId: "small", slotId: "mon" }], "booths"), [
      "interpretation",
    ]);
  });

  test("slot rules: an impossible slot is hard, a slot not preferred is a preference", () => {
    const found = violations(instance, [{ eventId: "picky", roomId: "small", slotId: "mon" }], "picky");
    assert.deepEqual(
      found.map((v) => [v.rule, v.hard]),
      [
        ["impossibleSlot", true],
        ["notPreferred", false],
      ],
    );
  });

  test("others at the same time: the room taken, people counted (never named), the same theme", () => {
    const placements = [
      { eventId: "a", roomId: "small", slotId: "tue" },
      { eventId: "b", roomId: "small", slotId: "tue" },
    ];
    const found = violations(instance, placements, "b");
    assert.deepEqual(found.map((v) => v.rule).sort(), ["peopleClash", "roomTaken", "themeClash"]);
    const people = found.find((v) => v.rule === "peopleClash");
    assert.equal(people?.otherEventId, "a");
    assert.deepEqual(people?.params, { otherEvent: "a", organisations: 1, panellists: 1 });
    assert.ok(!JSON.stringify(found).includes("ana"), "no person's name in a violation");
  });

  test("an organisation's two events on one day, and an event against the plenary item it serves", () => {
    const sameDay = [
      { eventId: "c", roomId: "small", slotId: "tue" },
      { eventId: "a", roomId: "small", slotId: "tue-late" },
    ];
    assert.deepEqual(rulesOf(sameDay, "c"), ["sameDay"]);
    const [plenary] = violations(instance, [{ eventId: "served", roomId: "small", slotId: "mon" }], "served");
    assert.deepEqual(plenary && [plenary.rule, plenary.hard, plenary.params], [
      "plenaryClash",
      false,
      { agendaItem: "item-4" },
    ]);
  });

  test("a pinned event moved elsewhere, an unknown cell, an event placed twice", () => {
    assert.deepEqual(rulesOf([{ eventId: "pinned", roomId: "small", slotId: "tue" }], "pinned"), ["pinned"]);
    assert.deepEqual(rulesOf([{ eventId: "c", roomId: "nowhere", slotId: "tue" }], "c"), ["unknownCell"]);
    const twice = [
      { eventId: "c", roomId: "small", slotId: "mon" },
      { eventId: "c", roomId: "hall", slotId: "tue" },
    ];
    assert.deepEqual(rulesOf(twice, "c"), ["duplicate"]);
  });

  test("without an event id, every placed event's violations", () => {
    const placements = [
      { eventId: "a", roomId: "small", slotId: "tue" },
      { eventId: "b", roomId: "small", slotId: "tue" },
    ];
    assert.deepEqual([...new Set(violations(instance, placements).map((v) => v.eventId))].sort(), ["a", "b"]);
  });

  test("every rule has its words in the six languages, with the parameters filled in", () => {
    for (const rule of [...hardRules, ...softRules])
      for (const lang of ["en", "fr", "es", "ar", "ru", "zh"] as const) {
        const text = translate(lang, `scheduling.rule.${rule}`, {
          otherEvent: "Voices",
          organisations: 1,
          panellists: 2,
          audience: 150,
          capacity: 20,
          missing: "projector",
          theme: "water",
          agendaItem: "4",
          times: 2,
        });
        assert.ok(text && !text.startsWith("scheduling."), `${lang} ${rule}`);
        assert.ok(!text.includes("{"), `${lang} ${rule}: ${text}`);
      }
    assert.match(translate("en", "scheduling.rule.capacity", { audience: 150, capacity: 20 }), /20.*150/);
  });
});
