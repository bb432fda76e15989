// The encrypted sync engine and Yjs models arrive with issue #3.
export {};
