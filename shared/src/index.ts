export * from './access/roles';
export * from './collab/layout';
export * from './presence/userColor';
export * from './schemas/auth';
export * from './schemas/error';
export * from './schemas/member';
export * from './schemas/plan';
export * from './schemas/measures';
