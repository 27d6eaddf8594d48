export * from './editions';
