import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { editorExtensions } from './editorExtensions.ts';

let cached: Schema | undefined;

/** The ProseMirror schema of `editorExtensions()`, built once. */
export function editorSchema(): Schema {
  cached ??= getSchema(editorExtensions());
  return cached;
}
