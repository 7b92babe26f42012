import { z } from "zod";
import { defineEndpoint } from "../define";
import { uuid } from "../primitives";
import { Department, departmentExample } from "../schemas/department";

const category = "departments";

export const departmentsEndpoints = [
  defineEndpoint({
    category,
    slug: "get",
    method: "GET",
    path: "/v1/departments/{department_id}",
    summary: "Get department details by ID",
    description:
      "Returns one department. No user token is taken: the caller names the user in the user_id query parameter, and the API checks that this user belongs to the department's organization.",
    auth: {
      keys: ["public", "secret"],
      jwt: "none",
      condition:
        "The user named by the user_id query parameter must be a member of the organization the department belongs to.",
    },
    pathParams: z.object({ department_id: uuid().describe("Department id") }),
    query: z.object({ user_id: uuid().describe("User id for membership verification") }),
    responses: [
      {
        status: 200,
        description: "The department",
        schema: Department,
        examples: [{ name: "ok", value: departmentExample }],
      },
    ],
    errors: [
      {
        status: 403,
        detail: "User is not a member of this organization",
        when: "The user named by user_id does not belong to the department's organization.",
      },
      {
        status: 404,
        detail: "Department not found",
        when: "No department with this id exists in the tenant.",
        source: "implied",
      },
    ],
    notes: [
      "User must be a member of the organization this department belongs to.",
      "Membership is checked against the user_id you pass, not against a signed-in user: with a public key, pass the id of the signed-in user (from GET /v1/auth/me).",
      "To list an organization's departments, use GET /v1/organizations/{organization_id}/departments.",
    ],
    keywords: ["team", "division", "unit", "org chart", "membership check"],
    conflicts: [
      {
        topic: "JWT requirement",
        text: "The endpoint's auth rule says jwt: false and it takes user_id as a query parameter for membership verification, yet the seed's SDK template calls it as an authenticated request (requiresAuth = true, sending Authorization: Bearer). The portal documents the per-endpoint rule: API key plus user_id, no JWT. Note that the user_id is caller-asserted, not proven by a token.",
      },
    ],
  }),
];
