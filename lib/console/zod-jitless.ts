import { z } from "zod";

// Zod's JIT probes `new Function("")` when the first object schema is built; under the portal's CSP (no
// 'unsafe-eval') the browser refuses it and reports a violation. The console validates one form at a time and
// needs no JIT. Imported first by the console's entry, before the catalog's schemas are built; browsers only,
// so the sandbox on the server keeps the JIT.
if (typeof window !== "undefined") z.config({ jitless: true });
