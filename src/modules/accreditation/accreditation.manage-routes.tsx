/**
 * Page routes of the accreditation steps people do, registered together: observer admission
 * (accreditation.admission-routes.tsx), the delegate lists (accreditation.delegate-list-routes.tsx)
 * and a delegate's page (accreditation.delegate-routes.tsx). The two multipart forms are
 * encapsulated plugins, so their parser serves them only.
 */
import type { App } from "../../platform/http.js";
import { admissionPageRoutes } from "./accreditation.admission-routes.js";
import { organisationDelegateRoutes, sessionDelegateRoutes } from "./accreditation.delegate-list-routes.js";
import { delegatePageRoutes } from "./accreditation.delegate-routes.js";

export async function accreditationManageRoutes(app: App): Promise<void> {
  await app.register(organisationDelegateRoutes);
  await app.register(delegatePageRoutes);
  await admissionPageRoutes(app);
  await sessionDelegateRoutes(app);
}
