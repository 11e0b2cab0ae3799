export * from './supervision.module';
export * from './supervision-worker.module';
export { CreditLedger } from './credit/credit-ledger';
export { CreditLedgerModule } from './credit/credit.module';
export { COMPLAINT_UPHELD_POINTS } from './credit/rules/credit-score';
