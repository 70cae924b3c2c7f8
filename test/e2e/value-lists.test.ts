import { expect, it } from 'vitest';
import { databaseServers } from '../support/databases.js';
import { generateAndRun, runTool } from '../support/projects.js';

const servers = await databaseServers();

// Value shapes issue 18 found refused: lists of value objects without identity (built through a constructor with a
// Date, an enum, a single-value object, a bigint and an optional Date; through fromPrimitives/toPrimitives), a list
// that may be null, a list of a string-literal union, In/NotIn over a union's members, an inline object type (one
// that may be null too), a list of an interface's objects, and Sets (of strings, enum members, single-value and
// multi-field value objects), stored as the lists of their items.
const DIR = 'src/domain/aggregates/meetings';
const MEETINGS: Record<string, string> = {
  [`${DIR}/meeting-id.ts`]: 'export class MeetingId {\n  constructor(readonly value: string) {}\n}\n',
  [`${DIR}/seat.ts`]: "export enum Seat {\n  Front = 'FRONT',\n  Back = 'BACK',\n}\n",
  [`${DIR}/attendee.ts`]: `import { MeetingId } from './meeting-id';
import { Seat } from './seat';

export class Attendee {
  constructor(
    readonly name: string,
    readonly joinedAt: Date,
    readonly seat: Seat,
    readonly invitedBy: MeetingId,
    readonly points: bigint,
    readonly leftAt?: Date,
  ) {
    if (name.trim() === '') throw new Error('an attendee has a name');
  }
}
`,
  [`${DIR}/remark.ts`]: `export interface RemarkPrimitives {
  author: string;
  text: string;
  stars?: number;
}

export class Remark {
  private constructor(
    private readonly author: string,
    private readonly text: string,
    private readonly stars?: number,
  ) {}

  static fromPrimitives(primitives: RemarkPrimitives): Remark {
    return new Remark(primitives.author, primitives.text, primitives.stars);
  }

  toPrimitives(): RemarkPrimitives {
    return { author: this.author, text: this.text, ...(this.stars === undefined ? {} : { stars: this.stars }) };
  }
}
`,
  [`${DIR}/meeting.ts`]: `import { Attendee } from './attendee';
import { MeetingId } from './meeting-id';
import { Remark } from './remark';
import { Seat } from './seat';

export type Role = 'host' | 'guest' | 'observer';
export interface GuestPrimitives {
  email: string;
  invitedAt: Date;
  plusOnes?: number;
}
export type Channel = 'video' | 'room';

export class Meeting {
  constructor(
    readonly id: MeetingId,
    public title: string,
    public channel: Channel,
    public roles: Role[],
    public attendees: Attendee[],
    public remarks: readonly Remark[],
    public minutes: Attendee[] | null,
    public venue: { street: string; city: string; floor?: number },
    public guests: GuestPrimitives[],
    public backup: { street: string; city: string } | null,
    public labels: Set<string>,
    public seats: ReadonlySet<Seat>,
    public hosts: Set<MeetingId>,
    public panel: Set<Attendee>,
  ) {}

  join(attendee: Attendee): void {
    this.attendees.push(attendee);
  }
}
`,
  [`${DIR}/meeting.repository.ts`]: `import { Channel, Meeting } from './meeting';
import { MeetingId } from './meeting-id';

export interface MeetingRepository {
  save(meeting: Meeting): Promise<void>;
  findById(id: MeetingId): Promise<Meeting | null>;
  findAll(): Promise<Meeting[]>;
  delete(id: MeetingId): Promise<void>;
  findByChannelIn(channels: Channel[]): Promise<Meeting[]>;
  findByChannelNotInAndTitle(channels: readonly Channel[], title: string): Promise<Meeting[]>;
}
`,
};

it('lists of value objects and of union members are stored, and pass the generated suites on every database', async () => {
  const { dir } = await generateAndRun(MEETINGS, 'meetings');

  for (const server of servers) {
    if (!server.run) continue;
    const tests = runTool('vitest', ['run'], dir, { GEN_TEST_DATABASE_URL: server.url });
    expect(tests.status, `${server.name}: ${tests.output}`).toBe(0);
  }
});
