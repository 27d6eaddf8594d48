// Everything here is pure and free of yjs and @tiptap, so the client bundle and the server
// can both import it from the package root.
export * from './workflow';
export * from './canonical';
export * from './proseDiff';
export * from './measureDiff';
export * from './annualDiff';
export * from './compareLines';
export * from './compareOrder';
export * from './boundedProse';
export * from './suggestionText';
export * from './suggestionOverlay';
