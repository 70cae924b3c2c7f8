import { describe, expect, it } from 'vitest';
import { generateAndRun, read } from '../support/projects.js';

const INFRA = 'src/infrastructure/persistence';
const DIR = 'src/domain/aggregates/sessions';

/**
 * Branded primitives as a NestJS auth service types its ids (Kandriws/nestjs-hexagonal-auth, issue 19): a generic
 * `Branded<T, B>` over a unique-symbol brand, a plain `string & { readonly __brand }`, a branded number, one optional;
 * a props-object aggregate rebuilt through `reconstitute`, and a port that takes and returns them.
 */
const SESSIONS: Record<string, string> = {
  'src/domain/shared/brand.ts': `declare const __brand: unique symbol;

type Brand<B> = { [__brand]: B };

export type Branded<T, B> = T & Brand<B>;
`,
  'src/domain/shared/user-id.ts': `import { Branded } from './brand';

export type UserId = Branded<string, 'UserId'>;
`,
  [`${DIR}/session-id.ts`]: `export type SessionId = string & { readonly __brand: 'SessionId' };
`,
  [`${DIR}/attempts.ts`]: `export type Attempts = number & { readonly __brand: 'Attempts' };
`,
  [`${DIR}/session.ts`]: `import { UserId } from '../../shared/user-id';
import { Attempts } from './attempts';
import { SessionId } from './session-id';

interface SessionProps {
  id: SessionId;
  userId: UserId;
  attempts: Attempts;
  revokedBy?: UserId;
  createdAt: Date;
}

export class Session {
  private constructor(private readonly props: SessionProps) {}

  static reconstitute(props: SessionProps): Session {
    return new Session(props);
  }

  get id(): SessionId {
    return this.props.id;
  }

  get userId(): UserId {
    return this.props.userId;
  }

  get attempts(): Attempts {
    return this.props.attempts;
  }

  get revokedBy(): UserId | undefined {
    return this.props.revokedBy;
  }

  get createdAt(): Date {
    return this.props.createdAt;
  }
}
`,
  [`${DIR}/session.repository.ts`]: `import { UserId } from '../../shared/user-id';
import { Session } from './session';
import { SessionId } from './session-id';

export interface SessionRepository {
  save(session: Session): Promise<void>;
  findById(id: SessionId): Promise<Session | null>;
  findByUserId(userId: UserId): Promise<Session[]>;
  delete(id: SessionId): Promise<void>;
}
`,
};

/**
 * A props-object aggregate whose getters hand out its value objects' primitives (`get name(): string { return
 * this.snap.name.getValue(); }`), as the same service's Permission and Role do, beside one getter that returns the
 * value object itself; its props object is called `snap`, as that service's User keeps it.
 */
const PERMISSIONS: Record<string, string> = {
  'src/domain/aggregates/permissions/name.vo.ts': `export class NameVo {
  private constructor(private readonly value: string) {}

  static of(value: string): NameVo {
    if (value.trim() === '') throw new Error('a name is not empty');
    return new NameVo(value);
  }

  getValue(): string {
    return this.value;
  }
}
`,
  'src/domain/aggregates/permissions/permission.ts': `import { NameVo } from './name.vo';

interface PermissionProps {
  id: string;
  name: NameVo;
  code: NameVo;
  level: number;
}

export class Permission {
  private constructor(private readonly snap: PermissionProps) {}

  static reconstitute(snap: PermissionProps): Permission {
    return new Permission(snap);
  }

  get id(): string {
    return this.snap.id;
  }

  get name(): string {
    return this.snap.name.getValue();
  }

  get code(): NameVo {
    return this.snap.code;
  }

  getLevel(): number {
    return this.snap.level;
  }
}
`,
  'src/domain/aggregates/permissions/permission.repository.ts': `import { Permission } from './permission';

export interface PermissionRepository {
  save(permission: Permission): Promise<void>;
  findById(id: string): Promise<Permission | null>;
  findByName(name: string): Promise<Permission | null>;
  findAll(): Promise<Permission[]>;
}
`,
};

/**
 * Value objects wrapping a branded primitive, as that service's OtpCodeVo and EmailVo do (`constructor(private
 * readonly value: OtpCode)`, `private constructor(private readonly value: Email)` behind `of(value: string)`), queried
 * by a port that takes the branded type itself (`findByUserIdAndCode(userId: UserId, otpCode: OtpCode)`).
 */
const OTPS: Record<string, string> = {
  'src/domain/shared/brand.ts': SESSIONS['src/domain/shared/brand.ts'],
  'src/domain/shared/types.ts': `import { Branded } from './brand';

export type UserId = Branded<string, 'UserId'>;
export type OtpCode = Branded<string, 'OtpCode'>;
export type Email = string & { readonly __brand: 'Email' };
`,
  'src/domain/aggregates/otps/otp-code.vo.ts': `import { OtpCode } from '../../shared/types';

export class OtpCodeVo {
  constructor(private readonly value: OtpCode) {}

  static of(value: string): OtpCodeVo {
    if (!/^[a-zA-Z0-9]{6}$/.test(value)) throw new Error('an OTP code is 6 letters or digits');
    return new OtpCodeVo(value as OtpCode);
  }

  equals(other: OtpCodeVo): boolean {
    return this.value === other.value;
  }

  getValue(): OtpCode {
    return this.value;
  }
}
`,
  'src/domain/aggregates/otps/email.vo.ts': `import { Email } from '../../shared/types';

export class EmailVo {
  private constructor(private readonly value: Email) {}

  static of(value: string): EmailVo {
    const trimmed = value.trim().toLowerCase();
    if (!/^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/.test(trimmed)) throw new Error('not an email');
    return new EmailVo(trimmed as Email);
  }

  getValue(): Email {
    return this.value;
  }
}
`,
  'src/domain/aggregates/otps/otp.ts': `import { UserId } from '../../shared/types';
import { EmailVo } from './email.vo';
import { OtpCodeVo } from './otp-code.vo';

interface OtpProps {
  id: string;
  userId: UserId;
  code: OtpCodeVo;
  sentTo: EmailVo;
  usedAt: Date | null;
  expiresAt: Date;
}

export class Otp {
  private constructor(private readonly props: OtpProps) {}

  static reconstitute(props: OtpProps): Otp {
    return new Otp(props);
  }

  get id() {
    return this.props.id;
  }

  get userId() {
    return this.props.userId;
  }

  get code() {
    return this.props.code;
  }

  get sentTo() {
    return this.props.sentTo;
  }

  get usedAt() {
    return this.props.usedAt;
  }

  get expiresAt() {
    return this.props.expiresAt;
  }
}
`,
  'src/domain/aggregates/otps/otp.repository.ts': `import { Email, OtpCode, UserId } from '../../shared/types';
import { Otp } from './otp';
import { OtpCodeVo } from './otp-code.vo';

export interface OtpRepository {
  save(otp: Otp): Promise<void>;
  findByUserIdAndCode(userId: UserId, otpCode: OtpCode): Promise<Otp | null>;
  findBySentTo(email: Email): Promise<Otp[]>;
  findByCode(code: OtpCodeVo): Promise<Otp | null>;
  delete(otp: Otp): Promise<void>;
}
`,
};

describe('spellings of a NestJS auth service (issue 19)', () => {
  it('stores a branded string or number as its primitive and rebuilds it with a cast to the brand', async () => {
    const { dir } = await generateAndRun(SESSIONS, 'sessions');

    const mapper = read(dir, `${INFRA}/mappers/session.mapper.ts`);
    expect(mapper).toMatch(/^import type \{ UserId \} from /m);
    expect(mapper).toContain('userId: model.userId as UserId,');
    expect(mapper).toContain('attempts: model.attempts as Attempts,');
    expect(mapper).toContain('model.revokedBy = session.revokedBy ?? null;');
    expect(read(dir, `${INFRA}/models/session.model.ts`)).toMatch(/attempts!: number;/);
  });

  it('reads a props object named snap, storing a value object its getter hands out unwrapped as that primitive', async () => {
    const { dir } = await generateAndRun(PERMISSIONS, 'permissions');

    const mapper = read(dir, `${INFRA}/mappers/permission.mapper.ts`);
    expect(mapper).toContain('name: NameVo.of(model.name),');
    expect(mapper).toContain('model.name = permission.name;');
    expect(mapper).toContain('model.code = permission.code.getValue();');
  });
  it('stores a value object over a branded primitive as the primitive, rebuilt with a cast, queried by the brand', async () => {
    const { dir } = await generateAndRun(OTPS, 'otps');

    const mapper = read(dir, `${INFRA}/mappers/otp.mapper.ts`);
    expect(mapper).toMatch(/^import type \{ Email, OtpCode, UserId \} from /m);
    expect(mapper).toContain('code: OtpCodeVo.of(model.code as OtpCode),');
    expect(mapper).toContain('sentTo: EmailVo.of(model.sentTo as Email),');
    expect(mapper).toContain('model.code = otp.code.getValue();');
    expect(read(dir, `${INFRA}/models/otp.model.ts`)).toMatch(/code!: string;/);
    const tests = read(dir, 'tests/integration/infrastructure/otp.repository.test.ts');
    expect(tests).toMatch(/findByUserIdAndCode\('[^']*' as UserId, OtpCodeVo\.of\('[^']*' as OtpCode\)\.getValue\(\)\)/);
    expect(tests).toMatch(/findByCode\(OtpCodeVo\.of\('[^']*' as OtpCode\)\)/);
  });
});
