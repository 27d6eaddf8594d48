import { serveCalls } from '../rpc';
import { freshFetches, joinTogether } from './cold';
import { Pool } from './pool';
import { verifyWithStockProviders } from './verify';

/** A load process: a pool of light clients, cold fetches and stock-provider checks, driven over IPC. */
const pool = new Pool();

serveCalls({
  open: (arg) => pool.open(arg),
  write: (arg) => pool.write(arg),
  presence: (arg) => pool.presence(arg),
  collect: (arg) => pool.collect(arg),
  presenceReport: (arg) => pool.presenceReport(arg),
  hashes: () => pool.hashes(),
  dropped: () => pool.dropped(),
  close: () => pool.close(),
  upload: (arg) => pool.upload(arg),
  fresh: (arg) => freshFetches(arg),
  join: (arg) => joinTogether(arg),
  verify: (arg) => verifyWithStockProviders(arg),
});
