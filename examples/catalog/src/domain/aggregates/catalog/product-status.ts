/** Where a product is in its life: drafted, on sale, or retired from the catalogue. */
export enum ProductStatus {
  Draft = 'DRAFT',
  Active = 'ACTIVE',
  Retired = 'RETIRED',
}
