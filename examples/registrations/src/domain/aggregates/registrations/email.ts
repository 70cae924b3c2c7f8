import { DomainError } from '../../shared/domain-error';

const SHAPE = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;
const MAX_LENGTH = 254;
/** Throwaway and reserved domains: nobody reads mail sent there, so a ticket sent there is lost. */
const REFUSED_DOMAINS: readonly string[] = ['mailinator.com', 'trashmail.com', 'example.com', 'example.org', 'example.net'];

/** An address the tickets are sent to. */
export class Email {
  private constructor(readonly value: string) {}

  static of(value: string): Email {
    if (value.length > MAX_LENGTH || !SHAPE.test(value)) throw new DomainError(`Not an e-mail address: '${value}'`);
    const domain = value.slice(value.lastIndexOf('@') + 1).toLowerCase();
    if (REFUSED_DOMAINS.includes(domain)) throw new DomainError(`Tickets cannot be sent to ${domain}`);
    return new Email(value);
  }

  get domain(): string {
    return this.value.slice(this.value.lastIndexOf('@') + 1).toLowerCase();
  }

  equals(other: Email): boolean {
    return this.value.toLowerCase() === other.value.toLowerCase();
  }
}
