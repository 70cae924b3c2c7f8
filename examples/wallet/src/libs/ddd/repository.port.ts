/** What every repository offers, whatever its aggregate. */
export interface RepositoryPort<Entity> {
  save(entity: Entity): Promise<void>;
  findById(id: string): Promise<Entity | null>;
  findAll(): Promise<Entity[]>;
  delete(entity: Entity): Promise<void>;
}
