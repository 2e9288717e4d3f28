// Runs in the browser before the app's own modules (Next's instrumentation-client convention).
//
// zod 4 tests whether it may compile schemas with `new Function` by trying it once; the Content-Security-Policy
// (no 'unsafe-eval', lib/security-headers.ts) refuses that, and every refusal is reported as a violation. Forms
// validate the same without it, so the browser's copy of zod is told not to try. Decision record 0019.
import { z } from "zod";

z.config({ jitless: true });
