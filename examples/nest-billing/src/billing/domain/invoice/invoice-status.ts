export enum InvoiceStatus {
  Issued = 'ISSUED',
  Paid = 'PAID',
  Void = 'VOID',
}
