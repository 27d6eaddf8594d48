export * from './model';
export * from './body';
export * from './policy';
export * from './opinionTable';
export * from './textAnchor';
