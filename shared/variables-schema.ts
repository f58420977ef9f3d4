// The zod schemas of profile variables (see variables.ts): validation in the main process and
// the contract. Kept apart so that the renderer, which only uses the functions, loads no zod.
import { z } from 'zod';

export const profileVariableSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'Variable name is required')
      .max(100)
      .refine((v) => !/[{}]/.test(v) && !v.startsWith('$'), {
        error: 'Variable name must not contain { or } or start with $',
      }),
    value: z.string().max(16384),
    enabled: z.boolean().default(true),
  })
  .strict();
export type ProfileVariable = z.infer<typeof profileVariableSchema>;

export const profileVariablesSchema = z
  .array(profileVariableSchema)
  .max(200)
  .superRefine((vars, ctx) => {
    const seen = new Set<string>();
    vars.forEach((v, i) => {
      if (seen.has(v.name))
        ctx.addIssue({
          code: 'custom',
          path: [i, 'name'],
          message: `Variable ${v.name} is defined twice`,
        });
      seen.add(v.name);
    });
  });
