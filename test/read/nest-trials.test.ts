import { describe, expect, it } from 'vitest';
import { mapFeature } from '../../src/map/map-feature.js';
import { loadProjectContext } from '../../src/project-context.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { locateFeature } from '../../src/read/feature-locator.js';
import { writeProject } from '../support/projects.js';
import { thrown } from '../support/thrown.js';

// Shapes met in public NestJS codebases on their first run (issue 19).

/** A student and a teacher, each in its feature folder; a third folder's port writes students; one port reads both. */
const SCHOOL: Record<string, string> = {
  'src/transactions/students/domain/Student.ts':
    'export class Student {\n  constructor(readonly id: string, private name: string, private teacherId: string) {}\n  static fromPrimitives(p: { id: string; name: string; teacherId: string }): Student {\n    return new Student(p.id, p.name, p.teacherId);\n  }\n  toPrimitives() {\n    return { id: this.id, name: this.name, teacherId: this.teacherId };\n  }\n}\n',
  'src/transactions/students/domain/StudentRepository.ts':
    "import { Student } from './Student';\n\nexport interface StudentRepository {\n  getStudentById(id: string): Promise<Student | null>;\n  createStudent(student: Student): Promise<void>;\n  deleteStudent(id: string): Promise<void>;\n}\n",
  'src/transactions/studentsPerTeacher/domain/StudentsPerTeacherRepository.ts':
    "import { Student } from '../../students/domain/Student';\n\nexport interface StudentsPerTeacherRepository {\n  changeTeacher(studentId: string, teacherId: string): Promise<Student>;\n}\n",
  'src/transactions/teachers/domain/Teacher.ts':
    'export class Teacher {\n  constructor(readonly id: string, private name: string) {}\n  static fromPrimitives(p: { id: string; name: string }): Teacher {\n    return new Teacher(p.id, p.name);\n  }\n  toPrimitives() {\n    return { id: this.id, name: this.name };\n  }\n}\n',
  'src/transactions/teachers/domain/TeacherRepository.ts':
    "import { Teacher } from './Teacher';\n\nexport interface TeacherRepository {\n  getTeacherById(id: string): Promise<Teacher | null>;\n  createTeacher(teacher: Teacher): Promise<void>;\n}\n",
  'src/transactions/auth/domain/AuthenticateRepository.ts':
    "import { Student } from '../../students/domain/Student';\nimport { Teacher } from '../../teachers/domain/Teacher';\n\nexport interface AuthenticateRepository {\n  findStudentByEmail(email: string): Promise<Student>;\n  findTeacherByEmail(email: string): Promise<Teacher>;\n}\n",
};

describe('ports of one aggregate in sibling feature folders, and a port that reads two aggregates', () => {
  it("keeps the feature to the aggregate's own folder, not the folder above its siblings", () => {
    const dir = writeProject(SCHOOL);

    const location = locateFeature(loadProjectContext(dir), loadProjectContext(dir).config, 'student');

    expect(location.paths).toMatchObject({
      domainDir: 'src/transactions/students/domain',
      portDir:
        '{src/transactions/students/domain/StudentRepository.ts,src/transactions/studentsPerTeacher/domain/StudentsPerTeacherRepository.ts}',
      infrastructureDir: 'src/transactions/students/infrastructure',
    });
  });

  it('takes a port that reads two aggregates for neither, and each aggregate from its own ports', () => {
    const dir = writeProject(SCHOOL);
    const config = loadProjectContext(dir).config;
    const student = readDomain(loadProjectContext(dir), config, 'student');
    const teacher = readDomain(loadProjectContext(dir), config, 'teacher');

    expect(student.port.ports.map((p) => p.name)).toEqual(['StudentRepository', 'StudentsPerTeacherRepository']);
    expect(teacher.port.ports.map((p) => p.name)).toEqual(['TeacherRepository']);
  });

  it('names the port across aggregates and the decision when it sits in a folder with a port of its own aggregate', () => {
    const files = { ...SCHOOL };
    files['src/transactions/students/domain/AuthenticateRepository.ts'] = files[
      'src/transactions/auth/domain/AuthenticateRepository.ts'
    ].replace('../../students/domain/Student', './Student');
    delete files['src/transactions/auth/domain/AuthenticateRepository.ts'];
    const folder = 'src/transactions/students/domain';
    files['gen.config.json'] = JSON.stringify({ features: { student: { domainDir: folder, portDir: folder } } });
    const dir = writeProject(files);

    const student = readDomain(loadProjectContext(dir), loadProjectContext(dir).config, 'student');

    expect(student.port.leftAlone).toContainEqual(
      expect.objectContaining({
        name: 'AuthenticateRepository',
        reason: expect.stringContaining('a port across aggregates: it reads Student and Teacher and writes neither') as unknown,
      }),
    );
  });
});

describe('an aggregate typed as a record beside a class that wraps it', () => {
  const PRODUCTS: Record<string, string> = {
    'src/product/domain/product.ts': 'export type Product = {\n  id: string;\n  name: string;\n  price: number;\n};\n',
    'src/product/domain/updated-tuple.ts': 'export class UpdatedTuple<T> {\n  new!: T;\n  old!: T;\n}\n',
    'src/product/domain/product-updated-tuple.ts':
      "import { UpdatedTuple } from './updated-tuple';\nimport { Product } from './product';\n\nexport class ProductUpdatedTuple extends UpdatedTuple<Product> {}\n",
    'src/product/domain/product.repository.ts':
      "import { Product } from './product';\nimport { ProductUpdatedTuple } from './product-updated-tuple';\n\nexport interface ProductRepository {\n  getById(id: string): Promise<Product | null>;\n  save(product: Product): Promise<Product>;\n  update(product: Product): Promise<ProductUpdatedTuple>;\n}\n",
  };

  it('stores the record the port writes, not the class with no id that a method returns', () => {
    const dir = writeProject(PRODUCTS);

    const domain = readDomain(loadProjectContext(dir), loadProjectContext(dir).config, 'product');

    expect(domain.aggregate).toMatchObject({ name: 'Product', style: 'record', idField: 'id' });
    expect(domain.aggregate.fields.map((f) => f.name)).toEqual(['id', 'name', 'price']);
  });
});

describe('a port whose members are properties of function type', () => {
  const VEHICLES: Record<string, string> = {
    'src/vehicle/domain/vehicle.ts':
      'export class Vehicle {\n  readonly id: string;\n  capacity: number;\n  constructor(props: { id: string; capacity: number }) {\n    this.id = props.id;\n    this.capacity = props.capacity;\n  }\n}\n',
    'src/vehicle/domain/vehicle.repository.ts':
      "import { Vehicle } from './vehicle';\n\nexport interface VehicleRepository {\n  getById: (id: string) => Promise<Vehicle | null>;\n  createVehicle: (vehicle: Vehicle) => Promise<Vehicle>;\n  deleteVehicle(id: string): Promise<void>;\n}\n",
  };

  it('reads each as a method, in declaration order', () => {
    const dir = writeProject(VEHICLES);

    const domain = readDomain(loadProjectContext(dir), loadProjectContext(dir).config, 'vehicle');

    expect(domain.port.methods.map((m) => [m.name, m.parameters.map((p) => p.name), m.returns.type.kind, m.location.line])).toEqual([
      ['getById', ['id'], 'aggregate', 4],
      ['createVehicle', ['vehicle'], 'aggregate', 5],
      ['deleteVehicle', ['id'], 'void', 6],
    ]);
  });

  it('still refuses a property that is no function, at its line', () => {
    const files = { ...VEHICLES };
    files['src/vehicle/domain/vehicle.repository.ts'] = files['src/vehicle/domain/vehicle.repository.ts'].replace(
      '  deleteVehicle',
      '  readonly table: string;\n  deleteVehicle',
    );
    const dir = writeProject(files);

    const error = thrown(() => readDomain(loadProjectContext(dir), loadProjectContext(dir).config, 'vehicle'));

    expect(error.message).toBe("port VehicleRepository declares property 'table'; only methods are supported");
    expect(error.location).toEqual({ file: 'src/vehicle/domain/vehicle.repository.ts', line: 6 });
  });
});

describe('writers named for an interface aggregate without its I', () => {
  it('reads createRoute, updateRoute and deleteRoute of an IRoute as create, update and delete', () => {
    const dir = writeProject({
      'src/route/domain/route.ts': 'export interface IRoute {\n  readonly id: string;\n  name: string;\n}\n',
      'src/route/domain/route.repository.ts':
        "import { IRoute } from './route';\n\nexport interface RouteRepository {\n  getById(id: string): Promise<IRoute | null>;\n  createRoute(route: IRoute): Promise<IRoute>;\n  updateRoute(route: IRoute): Promise<IRoute>;\n  deleteRoute(id: string): Promise<boolean>;\n}\n",
    });

    const model = mapFeature(readDomain(loadProjectContext(dir), loadProjectContext(dir).config, 'route'));

    expect(model.methods.map((m) => [m.method.name, m.kind])).toEqual([
      ['getById', 'find-by-id'],
      ['createRoute', 'write'],
      ['updateRoute', 'write'],
      ['deleteRoute', 'delete-by-id'],
    ]);
  });
});
