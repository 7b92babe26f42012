// Types of check-cycles.mjs for its test.
export type FolderGraph = Map<string, Map<string, string[]>>;
export function folderGraph(root: string): FolderGraph;
export function folderCycles(graph: FolderGraph): string[][];
export function checkCycles(root: string): { ok: boolean; cycles: string[][]; text: string };
