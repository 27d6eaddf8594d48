export * from './editions';
export * from './search';
