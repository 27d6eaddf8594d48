export * from './kinds';
export * from './numbering';
export * from './quorum';
export * from './materials';
export * from './dayText';
export * from './speakers';
export * from './calendar';
export * from './notificationPath';
