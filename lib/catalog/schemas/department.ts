import { z } from "zod";
import { datetime, EXAMPLE_IDS, EXAMPLE_TIME, jsonObject, uuid } from "../primitives";

/** A department: a subdivision of an organization. */
export const Department = z
  .object({
    id: uuid(),
    organization_id: uuid(),
    name: z.string(),
    description: z.string().nullable(),
    is_default: z.boolean().describe("Whether this is the organization's default department"),
    is_active: z.boolean(),
    settings: jsonObject().describe("Department settings"),
    created_at: datetime(),
    updated_at: datetime(),
  })
  .meta({ title: "Department" });
export type Department = z.infer<typeof Department>;

export const departmentExample: Department = {
  id: EXAMPLE_IDS.department,
  organization_id: EXAMPLE_IDS.organization,
  name: "General",
  description: "Default department",
  is_default: true,
  is_active: true,
  settings: {},
  created_at: EXAMPLE_TIME,
  updated_at: EXAMPLE_TIME,
};
