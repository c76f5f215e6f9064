import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The project's runtime source files under `dir` (TypeScript, tests left out), as full paths. */
export function sourceFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => join(dir, f));
}
