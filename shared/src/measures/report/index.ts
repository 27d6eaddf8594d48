export * from './evaluations';
export * from './chart';
export * from './rollup';
export * from './reportModel';
