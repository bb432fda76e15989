import { reactRouter } from '@react-router/dev/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [reactRouter()],
  resolve: {
    // One copy of each, or Yjs constructor checks and React hooks break.
    dedupe: ['yjs', 'y-protocols', 'lib0', '@tiptap/y-tiptap', 'react', 'react-dom'],
  },
  build: { target: 'es2022' },
  server: { hmr: { port: 24678 } },
});
