export * from './marks';
export * from './model';
export * from './decide';
export * from './views';
export * from './suggest';
