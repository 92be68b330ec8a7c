/** Scheduled jobs of the accreditation module: objection windows closing, personal data purged. */
import type { JobHandlers } from "../../platform/jobs.js";
import type { JobCtx } from "./accreditation.service.js";
import { participationJobs } from "./participation.service.js";
import { accreditationApplicationJobs } from "./rule17.service.js";

export function accreditationJobs(services: JobCtx): JobHandlers {
  return { ...accreditationApplicationJobs(services), ...participationJobs(services) };
}
