/**
 * How many levels of the document tree access inheritance looks at, the item itself being the
 * first: ancestors further up are ignored, which also ends a walk around a parent cycle.
 */
export const MAX_TREE_DEPTH = 64;
