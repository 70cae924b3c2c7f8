export enum PaymentMethod {
  Card = 'CARD',
  BankTransfer = 'BANK_TRANSFER',
  Cash = 'CASH',
}
