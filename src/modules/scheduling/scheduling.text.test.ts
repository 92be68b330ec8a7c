import assert from "node:assert/strict";
import { test } from "node:test";
import { conflictText } from "./scheduling.text.js";

test("a rule's words name the other event by its title and the agenda item by its number", () => {
  const titles = new Map([["e2", { en: "Voices", fr: "Voix" }]]);
  const items = new Map([["a1", "2(b)"]]);
  assert.equal(
    conflictText("fr", { rule: "roomTaken", params: { otherEvent: "e2" } }, titles, items),
    "La salle est déjà occupée par « Voix » à cet horaire.",
  );
  assert.equal(
    conflictText("en", { rule: "plenaryClash", params: { agendaItem: "a1" } }, titles, items),
    "The plenary discusses agenda item 2(b), which the event serves, at this time.",
  );
  // people are counted, never named
  assert.doesNotMatch(
    conflictText(
      "en",
      { rule: "peopleClash", params: { otherEvent: "e2", organisations: 1, panellists: 0 } },
      titles,
    ),
    /person:/,
  );
});
