/** Tables owned by the scheduling module (see migrations/0600_scheduling.sql). */
import type { Generated } from "kysely";
import type { CreatedAt, Json } from "../../platform/database.types.js";
import type { Placement, UnplacedReason } from "./scheduling.optimiser.js";

export interface ScheduleProposalsTable {
  id: Generated<string>;
  session_id: string;
  source: "greedy" | "highs";
  status: string;
  objective: number;
  bound: number;
  gap: number;
  greedy_objective: number;
  placements: Json<Placement[]>;
  unplaced: Json<Array<{ eventId: string; reason: UnplacedReason }>>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface SchedulingTables {
  schedule_proposals: ScheduleProposalsTable;
}
