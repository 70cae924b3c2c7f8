import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The source imports through tsconfig paths; vitest resolves them the same way.
export default defineConfig({
  resolve: {
    alias: {
      '@modules': fileURLToPath(new URL('./src/modules', import.meta.url)),
      '@libs': fileURLToPath(new URL('./src/libs', import.meta.url)),
    },
  },
  test: { include: ['tests/**/*.test.ts'] },
});
