export * from './supervision.module';
export * from './supervision-worker.module';
export { CreditLedger } from './credit/credit-ledger';
