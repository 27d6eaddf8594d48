import { z } from 'zod';

/** Every API error has this body: a stable machine code and a human sentence. */
export const ApiErrorBody = z.object({
  error: z.object({
    code: z.string().describe('stable, machine-readable error code'),
    message: z.string().describe('human-readable explanation'),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;
