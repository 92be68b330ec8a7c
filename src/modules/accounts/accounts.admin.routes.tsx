/** The secretariat's pages for accounts: list and search, and one account's roles and status. */
import type { App } from "../../platform/http.js";
import { sendPage } from "../../platform/ui/render.js";
import { getUserForAdmin, listUsersForAdmin, updateUserAccess } from "./accounts.admin.service.js";
import { UserPage, UsersPage } from "./accounts.admin-pages.js";
import { formFailure, parseForm } from "./accounts.http.js";
import { ZFormBody, ZUserForm, ZUserListQuery, ZUserPageQuery, ZUserParams } from "./accounts.schemas.js";

export async function accountAdminRoutes(app: App): Promise<void> {
  app.get(
    "/admin/users",
    { config: { access: "secretariat" }, schema: { querystring: ZUserListQuery } },
    async (request, reply) => {
      const data = await listUsersForAdmin(request.ctx(), request.query);
      const page = <UsersPage data={data} q={request.query.q} />;
      return sendPage(request, reply, request.t("accounts.users.title"), page);
    },
  );

  app.get(
    "/admin/users/:id",
    { config: { access: "secretariat" }, schema: { params: ZUserParams, querystring: ZUserPageQuery } },
    async (request, reply) => {
      const user = await getUserForAdmin(request.ctx(), request.params.id);
      const page = <UserPage user={user} saved={request.query.saved === "1"} />;
      return sendPage(request, reply, request.t("accounts.user.title", { name: user.displayName }), page);
    },
  );

  app.post(
    "/admin/users/:id",
    { config: { access: "secretariat" }, schema: { params: ZUserParams, body: ZFormBody } },
    async (request, reply) => {
      const form = parseForm(ZUserForm, request);
      let errors = form.ok ? undefined : form.errors;
      let status = 400;
      if (form.ok) {
        try {
          const patch = { roles: form.data.roles, disabled: form.data.status === "disabled" };
          await updateUserAccess(request.ctx(), request.params.id, patch);
          return reply.redirect(`/admin/users/${encodeURIComponent(request.params.id)}?saved=1`, 303);
        } catch (error) {
          ({ errors, status } = formFailure(request, reply, error, { CANNOT_CHANGE_OWN_ACCESS: "status" }));
        }
      }
      const user = await getUserForAdmin(request.ctx(), request.params.id);
      const page = <UserPage user={user} values={request.body} errors={errors} />;
      return sendPage(
        request,
        reply,
        request.t("accounts.user.title", { name: user.displayName }),
        page,
        status,
      );
    },
  );
}
