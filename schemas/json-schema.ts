import { z } from "zod";
import { ReportRecordSchema } from "./report.js";

/** JSON Schema of what `yos extract --json` prints. */
export function reportJsonSchema(): object {
  return {
    ...z.toJSONSchema(ReportRecordSchema),
    title: "Youth offending service inspection report record",
  };
}
