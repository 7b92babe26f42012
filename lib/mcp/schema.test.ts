import { describe, expect, it } from "vitest";
import { portalTools } from "./tools";
import { sdkSchema } from "./schema";

const options = { target: "draft-2020-12" } as const;

describe("sdkSchema", () => {
  it("gives the SDK the same JSON Schema zod gives, converted once and frozen", () => {
    for (const tool of portalTools) {
      for (const [io, schema] of [["input", tool.input], ["output", tool.output]] as const) {
        if (!schema) continue;
        const view = sdkSchema(schema);
        const first = view["~standard"].jsonSchema[io](options);
        expect(first, `${tool.name} ${io}`).toEqual(schema["~standard"].jsonSchema[io](options));
        expect(view["~standard"].jsonSchema[io](options)).toBe(first);
        expect(Object.isFrozen(first)).toBe(true);
        expect(view["~standard"].jsonSchema[io]({ target: "draft-07" })).not.toBe(first);
      }
    }
  });

  it("is one view per schema, so every pooled server shares the conversions", () => {
    const tool = portalTools[0]!;
    expect(sdkSchema(tool.input)).toBe(sdkSchema(tool.input));
  });

  it("validates with zod: parsed values on success, issues on failure", async () => {
    const details = portalTools.find((t) => t.name === "get_endpoint_details")!;
    const view = sdkSchema(details.input);
    expect(await view["~standard"].validate({ path: " /v1/auth/login ", method: "post" })).toEqual({ value: { path: "/v1/auth/login", method: "POST" } });
    const bad = await view["~standard"].validate({ path: "" });
    expect("issues" in bad && bad.issues?.[0]?.message).toBe("path must not be empty");
  });
});
